"""docs/report.schema.json, built from the analysis registry: the fixed top of the report,
then one property per analysis (its entry's ``schema``, or a generic one) and its count.

``tests/render/test_report_formats.py`` keeps the documented file equal to :func:`report_schema`.
The fragments below are the schemas of the built-in analyses' JSON values (entry ``schema``).
"""

from __future__ import annotations

import json
from typing import Any

from csdesign.analysis.registry import ANALYSES, Analysis, load

OVERLAPS: dict[str, Any] = {'type': 'array',
 'items': {'type': 'object',
           'required': ['duty', 'roles', 'scope', 'units', 'nodes', 'message'],
           'properties': {'duty': {'type': 'string'},
                          'roles': {'type': 'array', 'items': {'$ref': '#/$defs/role'}},
                          'scope': {'type': 'object',
                                    'additionalProperties': {'type': 'array', 'items': {'type': 'string'}}},
                          'units': {'type': 'array', 'items': {'type': 'string'}},
                          'nodes': {'type': 'array', 'items': {'type': 'string'}},
                          'message': {'type': 'string'}},
           'additionalProperties': False}}

DELEGATIONS: dict[str, Any] = {'type': 'array',
 'items': {'type': 'object',
           'required': ['duty', 'manager', 'report', 'units', 'nodes', 'message'],
           'properties': {'duty': {'type': 'string'},
                          'manager': {'type': 'object',
                                      'required': ['id', 'title'],
                                      'properties': {'id': {'type': 'string'}, 'title': {'type': 'string'}},
                                      'additionalProperties': False},
                          'report': {'type': 'object',
                                     'required': ['id', 'title'],
                                     'properties': {'id': {'type': 'string'}, 'title': {'type': 'string'}},
                                     'additionalProperties': False},
                          'units': {'type': 'array', 'items': {'type': 'string'}},
                          'nodes': {'type': 'array', 'items': {'type': 'string'}},
                          'message': {'type': 'string'}},
           'additionalProperties': False}}

GAPS: dict[str, Any] = {'type': 'array',
 'items': {'type': 'object',
           'required': ['what', 'name', 'source', 'scope', 'owners_elsewhere', 'nodes', 'message'],
           'properties': {'what': {'enum': ['duty', 'kpi']},
                          'name': {'type': 'string'},
                          'source': {'enum': ['catalogue',
                                              'kpis',
                                              'level:director',
                                              'level:manager',
                                              'level:supervisor']},
                          'scope': {'oneOf': [{'type': 'null'},
                                              {'type': 'object',
                                               'additionalProperties': {'type': 'array',
                                                                        'items': {'type': 'string'}}}]},
                          'owners_elsewhere': {'type': 'array', 'items': {'$ref': '#/$defs/role'}},
                          'nodes': {'type': 'array', 'items': {'type': 'string'}},
                          'message': {'type': 'string'}},
           'additionalProperties': False}}

NEAR_DUPLICATES: dict[str, Any] = {'type': 'array',
 'items': {'type': 'object',
           'required': ['names', 'reason', 'score', 'roles', 'units', 'nodes', 'message'],
           'properties': {'names': {'type': 'array', 'items': {'type': 'string'}},
                          'reason': {'enum': ['same-key', 'similar']},
                          'score': {'type': 'number'},
                          'roles': {'type': 'array', 'items': {'$ref': '#/$defs/role'}},
                          'units': {'type': 'array', 'items': {'type': 'string'}},
                          'nodes': {'type': 'array', 'items': {'type': 'string'}},
                          'message': {'type': 'string'}},
           'additionalProperties': False}}

RACI: dict[str, Any] = {'type': 'object',
 'required': ['issues', 'matrix'],
 'properties': {'issues': {'type': 'array',
                           'items': {'type': 'object',
                                     'required': ['duty', 'rule', 'scope', 'roles', 'units', 'nodes', 'message'],
                                     'properties': {'duty': {'type': 'string'},
                                                    'rule': {'enum': ['no-accountable',
                                                                      'several-accountable',
                                                                      'no-responsible']},
                                                    'scope': {'oneOf': [{'type': 'null'},
                                                                        {'type': 'object',
                                                                         'additionalProperties': {'type': 'array',
                                                                                                  'items': {'type': 'string'}}}]},
                                                    'roles': {'type': 'array', 'items': {'$ref': '#/$defs/role'}},
                                                    'units': {'type': 'array', 'items': {'type': 'string'}},
                                                    'nodes': {'type': 'array', 'items': {'type': 'string'}},
                                                    'message': {'type': 'string'}},
                                     'additionalProperties': False}},
                'matrix': {'oneOf': [{'type': 'null'},
                                     {'type': 'object',
                                      'required': ['duties', 'roles', 'cells'],
                                      'properties': {'duties': {'type': 'array', 'items': {'type': 'string'}},
                                                     'roles': {'type': 'array', 'items': {'$ref': '#/$defs/role'}},
                                                     'cells': {'type': 'object',
                                                               'additionalProperties': {'type': 'object',
                                                                                        'additionalProperties': {'type': 'string',
                                                                                                                 'pattern': '^(x|[ARCI](/[ARCI])*)$'}}}},
                                      'additionalProperties': False}]}},
 'additionalProperties': False}

SHARED_KPIS: dict[str, Any] = {'type': 'array',
 'items': {'type': 'object',
           'required': ['kpi', 'roles', 'scope', 'units', 'nodes', 'message'],
           'properties': {'kpi': {'type': 'string'},
                          'roles': {'type': 'array', 'items': {'$ref': '#/$defs/role'}},
                          'scope': {'type': 'object',
                                    'additionalProperties': {'type': 'array', 'items': {'type': 'string'}}},
                          'units': {'type': 'array', 'items': {'type': 'string'}},
                          'nodes': {'type': 'array', 'items': {'type': 'string'}},
                          'message': {'type': 'string'}},
           'additionalProperties': False}}

SPANS: dict[str, Any] = {'oneOf': [{'type': 'null'},
           {'type': 'object',
            'required': ['managers',
                         'bands',
                         'headcount',
                         'manager_people',
                         'individual_people',
                         'ratio',
                         'layers',
                         'layers_needed',
                         'target_span',
                         'issues'],
            'properties': {'managers': {'type': 'array',
                                        'items': {'type': 'object',
                                                  'required': ['node',
                                                               'role',
                                                               'unit',
                                                               'managers',
                                                               'reports',
                                                               'span',
                                                               'band'],
                                                  'properties': {'node': {'type': 'string'},
                                                                 'role': {'type': 'object',
                                                                          'required': ['id', 'title'],
                                                                          'properties': {'id': {'type': 'string'},
                                                                                         'title': {'type': 'string'}},
                                                                          'additionalProperties': False},
                                                                 'unit': {'type': ['string', 'null']},
                                                                 'managers': {'type': 'integer'},
                                                                 'reports': {'type': 'integer'},
                                                                 'span': {'type': 'integer'},
                                                                 'band': {'type': 'string'}},
                                                  'additionalProperties': False}},
                           'bands': {'type': 'array',
                                     'items': {'type': 'object',
                                               'required': ['id', 'range', 'name', 'managers', 'share'],
                                               'properties': {'id': {'type': 'string'},
                                                              'range': {'type': 'string'},
                                                              'name': {'type': 'string'},
                                                              'managers': {'type': 'integer'},
                                                              'share': {'type': 'number'}},
                                               'additionalProperties': False}},
                           'headcount': {'type': 'integer'},
                           'manager_people': {'type': 'integer'},
                           'individual_people': {'type': 'integer'},
                           'ratio': {'type': ['number', 'null']},
                           'layers': {'type': 'integer'},
                           'layers_needed': {'type': 'integer'},
                           'target_span': {'type': 'integer'},
                           'issues': {'type': 'array',
                                      'items': {'type': 'object',
                                                'required': ['rule', 'nodes', 'message'],
                                                'properties': {'rule': {'enum': ['span-above',
                                                                                 'span-excessive',
                                                                                 'span-one-to-one',
                                                                                 'layers']},
                                                               'nodes': {'type': 'array', 'items': {'type': 'string'}},
                                                               'message': {'type': 'string'}},
                                                'additionalProperties': False}}},
            'additionalProperties': False}]}

CAPACITY: dict[str, Any] = {'type': 'array',
 'items': {'type': 'object',
           'required': ['role',
                        'segments',
                        'units',
                        'accounts',
                        'arr',
                        'required_fte',
                        'required',
                        'declared',
                        'status',
                        'nodes',
                        'message'],
           'properties': {'role': {'oneOf': [{'type': 'null'}, {'$ref': '#/$defs/role'}]},
                          'segments': {'type': 'array', 'items': {'type': 'string'}},
                          'units': {'type': 'array', 'items': {'type': 'string'}},
                          'accounts': {'type': 'integer'},
                          'arr': {'type': ['number', 'null']},
                          'required_fte': {'type': 'number'},
                          'required': {'type': 'integer'},
                          'declared': {'type': 'integer'},
                          'status': {'enum': ['ok', 'under', 'over', 'unplanned']},
                          'nodes': {'type': 'array', 'items': {'type': 'string'}},
                          'message': {'type': 'string'}},
           'additionalProperties': False}}

PLACEMENT: dict[str, Any] = {'oneOf': [{'type': 'null'},
           {'type': 'object',
            'required': ['reports_to',
                         'stage',
                         'company_kind',
                         'recommended',
                         'fits',
                         'risks',
                         'advice',
                         'nodes',
                         'message'],
            'properties': {'reports_to': {'enum': ['ceo', 'coo', 'sales', 'marketing', 'service', 'operations']},
                           'stage': {'enum': ['startup', 'growth', 'enterprise']},
                           'company_kind': {'enum': ['internet', 'traditional']},
                           'recommended': {'type': 'array', 'items': {'type': 'string'}},
                           'fits': {'type': 'boolean'},
                           'risks': {'type': 'array', 'items': {'type': 'string'}},
                           'advice': {'type': 'string'},
                           'nodes': {'type': 'array', 'items': {'type': 'string'}},
                           'message': {'type': 'string'}},
            'additionalProperties': False}]}

ROLE = {'type': 'object',
 'required': ['id', 'title'],
 'properties': {'id': {'type': 'string'}, 'title': {'type': 'string'}},
 'additionalProperties': False}


def _value_schema(a: Analysis) -> dict[str, Any]:
    if a.schema:
        fragment: dict[str, Any] = load(a.schema)  # type: ignore[assignment]  # a dict, not a function
        return fragment
    finding = {"type": "object", "required": ["nodes", "message"], "properties": {"nodes": {"type": "array", "items": {"type": "string"}}, "message": {"type": "string"}}}
    if a.empty == "list":
        return {"type": "array", "items": finding}
    return {"oneOf": [{"type": "null"}, {"type": "object"}]}


def report_schema() -> dict[str, Any]:
    """The JSON Schema of `csdesign report --format json`."""
    from csdesign.analysis import SCHEMA_VERSION

    counted = [a.name for a in ANALYSES.counted()]
    properties: dict[str, Any] = {
        "version": {"const": SCHEMA_VERSION},
        "company": {"type": "string"},
        "structure": {"type": "string"},
        "lang": {"enum": ["en", "zh"]},
        "analyses": {"type": "array", "items": {"enum": list(ANALYSES.names())}},
        "summary": {"type": "string"},
        "counts": {
            "type": "object",
            "required": counted,
            "properties": {name: {"type": "integer", "minimum": 0} for name in counted},
            "additionalProperties": False,
        },
    }
    for a in ANALYSES:
        properties[a.key] = _value_schema(a)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://csdesign.example/report.schema.json",
        "title": "csdesign report (JSON)",
        "description": "Output of `csdesign report --format json`. Keys are stable within a version; see docs/report.md.",
        "$defs": {"role": ROLE},
        "type": "object",
        "required": list(properties),
        "properties": properties,
        "additionalProperties": False,
    }


def report_schema_json() -> str:
    return json.dumps(report_schema(), indent=2) + "\n"
