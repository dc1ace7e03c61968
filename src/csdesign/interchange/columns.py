"""Which CSV column holds which field: English and Chinese header names, or ``--column`` flags.

Headers are compared after normalisation (NFKC, case-folded, everything but letters and digits
removed), so ``parentId``, ``Parent ID`` and ``parent_id`` are one name, and ``上级 ID`` is ``上级id``.
"""

from __future__ import annotations

import unicodedata

from csdesign.errors import InputError, did_you_mean

#: field -> header names that mean it (normalised spelling). The first matching column wins.
ALIASES: dict[str, tuple[str, ...]] = {
    "id": ("id", "employeeid", "empid", "staffid", "personid", "positionid", "employeenumber", "employeeno", "empno", "userid",
           "工号", "员工编号", "员工工号", "员工id", "编号", "人员编号", "职员编号"),
    "name": ("name", "fullname", "employeename", "displayname", "personname", "姓名", "员工姓名", "名字"),
    "first_name": ("firstname", "givenname", "名"),
    "last_name": ("lastname", "surname", "familyname", "姓"),
    "title": ("title", "jobtitle", "position", "positionname", "positiontitle", "job", "jobname", "designation",
              "职位", "岗位", "职务", "职位名称", "岗位名称", "头衔"),
    "manager_id": ("managerid", "parentid", "parent", "reportsto", "reportstoid", "manager", "supervisorid", "supervisor",
                   "linemanagerid", "linemanager", "bossid", "上级", "上级id", "上级编号", "上级工号", "直属上级", "直接上级",
                   "汇报对象", "汇报上级", "上级领导"),
    "manager_email": ("manageremail", "supervisoremail", "linemanageremail", "上级邮箱", "上级email"),
    "dotted_ids": ("dotted", "dottedline", "dottedto", "dottedmanager", "dottedmanagers", "dottedmanagerid", "dottedmanagerids", "dottedlinemanager",
                   "dottedlinemanagers", "matrixmanager", "matrixmanagers", "虚线上级", "虚线汇报", "虚线汇报对象"),
    "email": ("email", "emailaddress", "mail", "workemail", "邮箱", "电子邮件", "邮件", "电子邮箱"),
    "unit": ("unit", "department", "departmentname", "dept", "deptname", "team", "teamname", "group",
             "部门", "部门名称", "团队", "小组", "组别"),
    "function": ("function", "职能"),
    "level": ("level", "joblevel", "grade", "layer", "职级", "层级", "级别"),
    "product": ("product", "productline", "产品", "产品线"),
    "region": ("region", "territory", "区域", "地区", "大区"),
    "segment": ("segment", "customersegment", "tier", "customertier", "客户分层", "客户类型", "客群"),
    "process": ("process", "journeystage", "流程", "环节"),
    "channel": ("channel", "渠道"),
    "vacant": ("vacant", "vacancy", "isvacant", "空缺", "是否空缺"),
}
FIELDS = tuple(ALIASES)
_LOOKUP = {alias: field for field, names in ALIASES.items() for alias in names}


def normalise(header: str) -> str:
    text = unicodedata.normalize("NFKC", header).casefold()
    return "".join(ch for ch in text if ch.isalnum())


def detect(headers: list[str], explicit: dict[str, str] | None = None) -> tuple[dict[str, int], list[str]]:
    """Map fields to column indexes; return (mapping, names of the columns left unused).

    ``explicit`` (from ``--column field=header``) wins over detection; a header it names must
    exist. Detection never maps one column to two fields, nor two columns to one field.
    """
    mapping: dict[str, int] = {}
    used: set[int] = set()
    for field, header in (explicit or {}).items():
        if field not in ALIASES:
            raise InputError(f"--column: unknown field '{field}'" + did_you_mean(field, FIELDS), hint="fields: " + ", ".join(FIELDS))
        matches = [i for i, h in enumerate(headers) if h == header] or [i for i, h in enumerate(headers) if normalise(h) == normalise(header)]
        if not matches:
            shown = [h for h in headers if h]
            raise InputError(f"--column {field}={header}: the file has no column '{header}'" + did_you_mean(header, shown), hint="columns: " + ", ".join(shown))
        mapping[field] = matches[0]
        used.add(matches[0])
    for i, header in enumerate(headers):
        field = _LOOKUP.get(normalise(header))
        if field and field not in mapping and i not in used:
            mapping[field] = i
            used.add(i)
    unused = [h for i, h in enumerate(headers) if i not in used and h]
    return mapping, unused
