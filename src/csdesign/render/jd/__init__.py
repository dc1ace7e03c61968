"""Job descriptions (csdesign jd): Markdown and Word (DOCX) writers, one file per role."""
