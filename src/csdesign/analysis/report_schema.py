"""docs/report.schema.json, built from the analysis registry: the fixed top of the report,
then one property per analysis (its entry's ``schema``, or a generic one) and its count.

``tests/render/test_report_formats.py`` keeps the documented file equal to :func:`report_schema`.
The fragments below are the schemas of the built-in analyses' JSON values (entry ``schema``).
"""

from __future__ import annotations

import json
from typing import Any

from csdesign.analysis.registry import ANALYSES, Analysis, load

#: A concept of the CS vocabulary, and how one name was understood (analysis/matching.py).
CONCEPT: dict[str, Any] = {
    "type": "object",
    "required": ["id", "kind", "en", "zh", "level", "function"],
    "properties": {"id": {"type": "string"}, "kind": {"enum": ["duty", "module", "kpi", "role"]}, "en": {"type": "string"},
                   "zh": {"type": "string"}, "level": {"type": ["string", "null"]}, "function": {"type": ["string", "null"]}},
    "additionalProperties": False,
}
MATCH: dict[str, Any] = {
    "type": "object",
    "required": ["name", "concept", "how", "term", "exact", "ignored", "score", "reason"],
    "properties": {"name": {"type": "string"}, "concept": {"anyOf": [{"$ref": "#/$defs/concept"}, {"type": "null"}]},
                   "how": {"enum": ["name", "synonym", "phrasing", "user", "alias", "fuzzy", "words"]},
                   "term": {"type": ["string", "null"]}, "exact": {"type": "boolean"}, "ignored": {"type": "array", "items": {"type": "string"}},
                   "score": {"type": ["number", "null"]}, "reason": {"type": "string"}},
    "additionalProperties": False,
}
#: The keys that say how a finding's names were understood (overlaps, shared KPIs).
EXPLAINED: dict[str, Any] = {
    "concept": {"anyOf": [{"$ref": "#/$defs/concept"}, {"type": "null"}]},
    "names": {"type": "array", "items": {"type": "string"}, "description": "The spellings held by the roles of this finding."},
    "matches": {"type": "array", "items": {"$ref": "#/$defs/match"}},
    "why": {"type": ["string", "null"], "description": "Why several spellings were taken as one (null: one spelling)."},
}

OVERLAPS: dict[str, Any] = {'type': 'array',
 'items': {'type': 'object',
           'required': ['duty', 'roles', 'scope', 'units', 'nodes', 'concept', 'names', 'matches', 'why', 'message'],
           'properties': {'duty': {'type': 'string'},
                          'roles': {'type': 'array', 'items': {'$ref': '#/$defs/role'}},
                          'scope': {'type': 'object',
                                    'additionalProperties': {'type': 'array', 'items': {'type': 'string'}}},
                          'units': {'type': 'array', 'items': {'type': 'string'}},
                          'nodes': {'type': 'array', 'items': {'type': 'string'}},
                          **EXPLAINED,
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
           'required': ['kpi', 'roles', 'scope', 'units', 'nodes', 'concept', 'names', 'matches', 'why', 'message'],
           'properties': {'kpi': {'type': 'string'},
                          'roles': {'type': 'array', 'items': {'$ref': '#/$defs/role'}},
                          'scope': {'type': 'object',
                                    'additionalProperties': {'type': 'array', 'items': {'type': 'string'}}},
                          'units': {'type': 'array', 'items': {'type': 'string'}},
                          'nodes': {'type': 'array', 'items': {'type': 'string'}},
                          **EXPLAINED,
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

CAPACITY: dict[str, Any] = {'oneOf': [{'type': 'null'},
           {'type': 'object',
            'additionalProperties': False,
            'required': ['segments', 'misallocation', 'support', 'roles', 'productive_hours_per_quarter', 'overrides'],
            'properties': {'segments': {'type': 'array',
                                        'items': {'type': 'object',
                                                  'additionalProperties': False,
                                                  'required': ['name',
                                                               'accounts',
                                                               'arr',
                                                               'coverage',
                                                               'band',
                                                               'band_range',
                                                               'required',
                                                               'methods',
                                                               'modelled',
                                                               'accounts_per_csm',
                                                               'in_band',
                                                               'capacity_share',
                                                               'value_share',
                                                               'account_share',
                                                               'status',
                                                               'nodes',
                                                               'message'],
                                                  'properties': {'name': {'type': 'string'},
                                                                 'accounts': {'type': ['integer', 'null']},
                                                                 'arr': {'type': ['number', 'null']},
                                                                 'coverage': {'enum': ['named',
                                                                                       'pooled',
                                                                                       'digital',
                                                                                       None]},
                                                                 'band': {'enum': ['named-strategic',
                                                                                   'named-mid-market',
                                                                                   'pooled',
                                                                                   'digital',
                                                                                   None]},
                                                                 'band_range': {'oneOf': [{'type': 'null'},
                                                                                          {'type': 'array',
                                                                                           'items': {'type': 'number'},
                                                                                           'minItems': 2,
                                                                                           'maxItems': 2}]},
                                                                 'required': {'type': 'object',
                                                                              'required': ['arr', 'accounts', 'hours'],
                                                                              'additionalProperties': False,
                                                                              'properties': {'arr': {'type': ['integer',
                                                                                                              'null']},
                                                                                             'accounts': {'type': ['integer',
                                                                                                                   'null']},
                                                                                             'hours': {'type': ['integer',
                                                                                                                'null']}},
                                                                              'description': 'CSMs needed by each '
                                                                                             'method (null: the method '
                                                                                             'lacks data)'},
                                                                 'methods': {'type': 'object',
                                                                             'additionalProperties': False,
                                                                             'properties': {'arr': {'type': 'object',
                                                                                                    'required': ['required',
                                                                                                                 'fte',
                                                                                                                 'range',
                                                                                                                 'basis',
                                                                                                                 'source'],
                                                                                                    'additionalProperties': False,
                                                                                                    'properties': {'required': {'type': ['integer',
                                                                                                                                         'null']},
                                                                                                                   'fte': {'type': ['number',
                                                                                                                                    'null']},
                                                                                                                   'range': {'oneOf': [{'type': 'null'},
                                                                                                                                       {'type': 'array',
                                                                                                                                        'items': {'type': 'integer'},
                                                                                                                                        'minItems': 2,
                                                                                                                                        'maxItems': 2}]},
                                                                                                                   'basis': {'type': 'string',
                                                                                                                             'description': 'the '
                                                                                                                                            'arithmetic, '
                                                                                                                                            'e.g. '
                                                                                                                                            "'40 "
                                                                                                                                            'accounts '
                                                                                                                                            '÷ '
                                                                                                                                            '10 '
                                                                                                                                            '(midpoint '
                                                                                                                                            'of '
                                                                                                                                            '5–15) '
                                                                                                                                            '= '
                                                                                                                                            "4'"},
                                                                                                                   'source': {'type': 'string',
                                                                                                                              'description': 'where '
                                                                                                                                             'the '
                                                                                                                                             'benchmark '
                                                                                                                                             'comes '
                                                                                                                                             'from, '
                                                                                                                                             'or '
                                                                                                                                             'the '
                                                                                                                                             'file '
                                                                                                                                             'and '
                                                                                                                                             'key '
                                                                                                                                             'that '
                                                                                                                                             'overrode '
                                                                                                                                             'it'}}},
                                                                                            'accounts': {'type': 'object',
                                                                                                         'required': ['required',
                                                                                                                      'fte',
                                                                                                                      'range',
                                                                                                                      'basis',
                                                                                                                      'source'],
                                                                                                         'additionalProperties': False,
                                                                                                         'properties': {'required': {'type': ['integer',
                                                                                                                                              'null']},
                                                                                                                        'fte': {'type': ['number',
                                                                                                                                         'null']},
                                                                                                                        'range': {'oneOf': [{'type': 'null'},
                                                                                                                                            {'type': 'array',
                                                                                                                                             'items': {'type': 'integer'},
                                                                                                                                             'minItems': 2,
                                                                                                                                             'maxItems': 2}]},
                                                                                                                        'basis': {'type': 'string',
                                                                                                                                  'description': 'the '
                                                                                                                                                 'arithmetic, '
                                                                                                                                                 'e.g. '
                                                                                                                                                 "'40 "
                                                                                                                                                 'accounts '
                                                                                                                                                 '÷ '
                                                                                                                                                 '10 '
                                                                                                                                                 '(midpoint '
                                                                                                                                                 'of '
                                                                                                                                                 '5–15) '
                                                                                                                                                 '= '
                                                                                                                                                 "4'"},
                                                                                                                        'source': {'type': 'string',
                                                                                                                                   'description': 'where '
                                                                                                                                                  'the '
                                                                                                                                                  'benchmark '
                                                                                                                                                  'comes '
                                                                                                                                                  'from, '
                                                                                                                                                  'or '
                                                                                                                                                  'the '
                                                                                                                                                  'file '
                                                                                                                                                  'and '
                                                                                                                                                  'key '
                                                                                                                                                  'that '
                                                                                                                                                  'overrode '
                                                                                                                                                  'it'}}},
                                                                                            'hours': {'type': 'object',
                                                                                                      'required': ['required',
                                                                                                                   'fte',
                                                                                                                   'range',
                                                                                                                   'basis',
                                                                                                                   'source'],
                                                                                                      'additionalProperties': False,
                                                                                                      'properties': {'required': {'type': ['integer',
                                                                                                                                           'null']},
                                                                                                                     'fte': {'type': ['number',
                                                                                                                                      'null']},
                                                                                                                     'range': {'oneOf': [{'type': 'null'},
                                                                                                                                         {'type': 'array',
                                                                                                                                          'items': {'type': 'integer'},
                                                                                                                                          'minItems': 2,
                                                                                                                                          'maxItems': 2}]},
                                                                                                                     'basis': {'type': 'string',
                                                                                                                               'description': 'the '
                                                                                                                                              'arithmetic, '
                                                                                                                                              'e.g. '
                                                                                                                                              "'40 "
                                                                                                                                              'accounts '
                                                                                                                                              '÷ '
                                                                                                                                              '10 '
                                                                                                                                              '(midpoint '
                                                                                                                                              'of '
                                                                                                                                              '5–15) '
                                                                                                                                              '= '
                                                                                                                                              "4'"},
                                                                                                                     'source': {'type': 'string',
                                                                                                                                'description': 'where '
                                                                                                                                               'the '
                                                                                                                                               'benchmark '
                                                                                                                                               'comes '
                                                                                                                                               'from, '
                                                                                                                                               'or '
                                                                                                                                               'the '
                                                                                                                                               'file '
                                                                                                                                               'and '
                                                                                                                                               'key '
                                                                                                                                               'that '
                                                                                                                                               'overrode '
                                                                                                                                               'it'}}}}},
                                                                 'modelled': {'type': 'number',
                                                                              'description': 'people in the model '
                                                                                             "carrying this segment's "
                                                                                             'accounts (shared people '
                                                                                             'split)'},
                                                                 'accounts_per_csm': {'type': ['number', 'null']},
                                                                 'in_band': {'type': ['boolean', 'null']},
                                                                 'capacity_share': {'type': ['number', 'null']},
                                                                 'value_share': {'type': ['number', 'null'],
                                                                                 'description': 'share of ARR'},
                                                                 'account_share': {'type': ['number', 'null']},
                                                                 'status': {'enum': ['ok', 'under', 'over', 'unsized']},
                                                                 'nodes': {'type': 'array',
                                                                           'items': {'type': 'string'}},
                                                                 'message': {'type': 'string'}}}},
                           'misallocation': {'type': 'array',
                                             'items': {'type': 'object',
                                                       'additionalProperties': False,
                                                       'required': ['segment',
                                                                    'direction',
                                                                    'capacity_share',
                                                                    'value_share',
                                                                    'account_share',
                                                                    'move_people',
                                                                    'counterpart',
                                                                    'hire',
                                                                    'nodes',
                                                                    'message'],
                                                       'properties': {'segment': {'type': 'string'},
                                                                      'direction': {'enum': ['under-served',
                                                                                             'over-served']},
                                                                      'capacity_share': {'type': 'number'},
                                                                      'value_share': {'type': 'number'},
                                                                      'account_share': {'type': ['number', 'null']},
                                                                      'move_people': {'enum': ['to', 'from']},
                                                                      'counterpart': {'type': ['string', 'null']},
                                                                      'hire': {'type': 'boolean'},
                                                                      'nodes': {'type': 'array',
                                                                                'items': {'type': 'string'}},
                                                                      'message': {'type': 'string'}}}},
                           'support': {'type': 'array',
                                       'items': {'type': 'object',
                                                 'additionalProperties': False,
                                                 'required': ['channel',
                                                              'kind',
                                                              'contacts',
                                                              'aht_seconds',
                                                              'traffic_erlangs',
                                                              'workload_hours',
                                                              'agents_on_shift',
                                                              'agents_required',
                                                              'agents_for_service_level',
                                                              'agents_for_occupancy',
                                                              'agents_modelled',
                                                              'agents_on_shift_modelled',
                                                              'service_level_target',
                                                              'service_level_required',
                                                              'service_level_achieved',
                                                              'p_wait',
                                                              'occupancy',
                                                              'first_reply_hours_achieved',
                                                              'shrinkage',
                                                              'max_occupancy',
                                                              'status',
                                                              'roles',
                                                              'nodes',
                                                              'shared_with',
                                                              'sources',
                                                              'message'],
                                                 'properties': {'channel': {'type': 'string'},
                                                                'kind': {'enum': ['realtime', 'async']},
                                                                'contacts': {'type': 'number',
                                                                             'description': 'peak-hour arrivals '
                                                                                            '(realtime) or arrivals a '
                                                                                            'day (async)'},
                                                                'aht_seconds': {'type': 'number'},
                                                                'traffic_erlangs': {'type': ['number', 'null']},
                                                                'workload_hours': {'type': ['number', 'null']},
                                                                'agents_on_shift': {'type': 'integer',
                                                                                    'description': 'agents handling '
                                                                                                   'contacts that the '
                                                                                                   'target needs'},
                                                                'agents_required': {'type': 'integer',
                                                                                    'description': 'people to '
                                                                                                   'schedule: '
                                                                                                   'agents_on_shift ÷ '
                                                                                                   '(1 − shrinkage), '
                                                                                                   'rounded up'},
                                                                'agents_for_service_level': {'type': ['integer',
                                                                                                      'null']},
                                                                'agents_for_occupancy': {'type': ['integer', 'null']},
                                                                'agents_modelled': {'type': 'number',
                                                                                    'description': 'headcount of the '
                                                                                                   'roles that staff '
                                                                                                   'the channel '
                                                                                                   '(shared people '
                                                                                                   'split)'},
                                                                'agents_on_shift_modelled': {'type': 'integer'},
                                                                'service_level_target': {'oneOf': [{'type': 'null'},
                                                                                                   {'type': 'object',
                                                                                                    'required': ['answered',
                                                                                                                 'within_seconds'],
                                                                                                    'additionalProperties': False,
                                                                                                    'properties': {'answered': {'type': 'number'},
                                                                                                                   'within_seconds': {'type': 'number'}}},
                                                                                                   {'type': 'object',
                                                                                                    'required': ['within_hours'],
                                                                                                    'additionalProperties': False,
                                                                                                    'properties': {'within_hours': {'type': 'number'}}}]},
                                                                'service_level_required': {'type': ['number', 'null']},
                                                                'service_level_achieved': {'type': ['number', 'null'],
                                                                                           'description': 'share '
                                                                                                          'answered '
                                                                                                          'within '
                                                                                                          'target by '
                                                                                                          'the '
                                                                                                          'modelled '
                                                                                                          'team; null '
                                                                                                          'when its '
                                                                                                          'queue is '
                                                                                                          'unstable or '
                                                                                                          'there is no '
                                                                                                          'target'},
                                                                'p_wait': {'type': ['number', 'null']},
                                                                'occupancy': {'type': ['number', 'null']},
                                                                'first_reply_hours_achieved': {'type': ['number',
                                                                                                        'null']},
                                                                'shrinkage': {'type': 'number'},
                                                                'max_occupancy': {'type': 'number'},
                                                                'status': {'enum': ['ok',
                                                                                    'under',
                                                                                    'over',
                                                                                    'unstable',
                                                                                    'unstaffed']},
                                                                'roles': {'type': 'array',
                                                                          'items': {'$ref': '#/$defs/role'}},
                                                                'nodes': {'type': 'array', 'items': {'type': 'string'}},
                                                                'shared_with': {'type': 'array',
                                                                                'items': {'type': 'string'}},
                                                                'sources': {'type': 'array',
                                                                            'items': {'type': 'string'}},
                                                                'message': {'type': 'string'}}}},
                           'roles': {'type': 'array',
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
                                               'properties': {'role': {'oneOf': [{'type': 'null'},
                                                                                 {'$ref': '#/$defs/role'}]},
                                                              'segments': {'type': 'array',
                                                                           'items': {'type': 'string'}},
                                                              'units': {'type': 'array', 'items': {'type': 'string'}},
                                                              'accounts': {'type': 'integer'},
                                                              'arr': {'type': ['number', 'null']},
                                                              'required_fte': {'type': 'number'},
                                                              'required': {'type': 'integer'},
                                                              'declared': {'type': 'integer'},
                                                              'status': {'enum': ['ok', 'under', 'over', 'unplanned']},
                                                              'nodes': {'type': 'array', 'items': {'type': 'string'}},
                                                              'message': {'type': 'string'}},
                                               'additionalProperties': False},
                                     'description': 'roles sized from their own capacity: (accounts per person)'},
                           'productive_hours_per_quarter': {'type': ['number', 'null']},
                           'overrides': {'type': 'object',
                                         'additionalProperties': {'type': 'string'},
                                         'description': 'setting -> where it was overridden (absent: the built-in '
                                                        'benchmark)'}}}]}

COST: dict[str, Any] = {'oneOf': [{'type': 'null'},
           {'type': 'object',
            'additionalProperties': False,
            'required': ['currency',
                         'total',
                         'by_level',
                         'by_role',
                         'people',
                         'people_costed',
                         'uncosted_roles',
                         'arr',
                         'share_of_arr',
                         'benchmark',
                         'status',
                         'message'],
            'properties': {'currency': {'type': ['string', 'null']},
                           'total': {'type': ['number', 'null'],
                                     'description': 'fully loaded annual cost; null when the file declares no costs'},
                           'by_level': {'type': 'object', 'additionalProperties': {'type': 'number'}},
                           'by_role': {'type': 'object', 'additionalProperties': {'type': 'number'}},
                           'people': {'type': 'integer'},
                           'people_costed': {'type': 'integer'},
                           'uncosted_roles': {'type': 'array', 'items': {'type': 'string'}},
                           'arr': {'type': ['number', 'null']},
                           'share_of_arr': {'type': ['number', 'null']},
                           'benchmark': {'type': 'object',
                                         'required': ['share_of_arr', 'band', 'source'],
                                         'additionalProperties': False,
                                         'properties': {'share_of_arr': {'type': 'number'},
                                                        'band': {'type': 'array',
                                                                 'items': {'type': 'number'},
                                                                 'minItems': 2,
                                                                 'maxItems': 2},
                                                        'source': {'type': 'string'}}},
                           'status': {'enum': ['within', 'above', 'below', 'unknown']},
                           'message': {'type': 'string'}}}]}

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
        "$defs": {"role": ROLE, "concept": CONCEPT, "match": MATCH},
        "type": "object",
        "required": list(properties),
        "properties": properties,
        "additionalProperties": False,
    }


def report_schema_json() -> str:
    return json.dumps(report_schema(), indent=2) + "\n"
