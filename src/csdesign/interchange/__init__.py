"""HR data in and out: CSV people exports -> an explicit org file, and org files -> CSV.

This layer sits beside the model (it writes and reads org YAML/CSV); it never imports render/.
"""
