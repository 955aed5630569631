"""Stage 6, serialize: ``Document`` -> json / text / markdown. Pure functions, no I/O."""
from __future__ import annotations

from .model import Document

FORMATS = ("json", "text", "markdown")


def render(doc: Document, format: str = "json") -> str:
    """The document in one of :data:`FORMATS`."""
    if format == "json":
        return doc.to_json()
    if format == "text":
        return to_text(doc)
    if format == "markdown":
        return to_markdown(doc)
    raise ValueError(f"unknown output format {format!r}; choose one of {', '.join(FORMATS)}")


def to_text(doc: Document) -> str:
    """The article as plain text: the title, a blank line, then the paragraphs."""
    parts = [doc.main.title] if doc.main.title else []
    parts.extend(doc.main.paragraphs)
    return "\n\n".join(parts) + "\n"


def to_markdown(doc: Document) -> str:
    """The whole page as Markdown: article, images, reactions and related blurbs."""
    lines: list[str] = []
    if doc.main.title:
        lines += [f"# {doc.main.title}", ""]
    meta = []
    if doc.main.authors:
        meta.append(", ".join(doc.main.authors))
    if doc.main.published:
        meta.append(doc.main.published.isoformat())
    if meta:
        lines += [f"*{' · '.join(meta)}*", ""]
    for paragraph in doc.main.paragraphs:
        lines += [paragraph, ""]
    if doc.images:
        lines += ["## Images", ""]
        for image in doc.images:
            flag = " (AI-generated)" if image.ai_generated else ""
            lines.append(f"- {image.alt or image.caption or ''}{flag}")
        lines.append("")
    if doc.what_people_say:
        lines += [f"## {doc.what_people_say.heading or 'What people say'}", "", doc.what_people_say.text, ""]
    if doc.related:
        lines += ["## Related", ""]
        for item in doc.related:
            lines.append(f"- **{item.title}** {item.summary}" if item.title else f"- {item.summary}")
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"
