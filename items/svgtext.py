"""Text in the server-drawn SVG charts (the network map, the CHIME radar): how wide a text is
drawn, and how it wraps into the room it has. SVG text does not wrap by itself, and the charts
must stay readable on a 375 px phone and in the PDF, so names are broken over lines here,
divided with a hyphen when one word is too long, and shortened with «…» only as the last resort
(the full text then goes in the chart's <title> and in the list beside it)."""

NARROW, WIDE = set("iljtfrI.,;:'|!()"), set("mwMWÆæ")


def text_width(text: str, size: float) -> float:
    """About how wide `text` is drawn at font size `size` (DejaVu / Liberation Sans, erring wide)."""
    em = sum(0.32 if c in NARROW else 0.9 if c in WIDE else 0.72 if c.isupper() else 0.6 for c in text)
    return em * size


def wrap_text(text: str, room: float, lines: int, measure) -> list[str]:
    """`text` in at most `lines` lines, each no wider than `room` by `measure`."""

    def fitted(line):
        if measure(line) <= room:
            return line
        while len(line) > 1 and measure(line + "…") > room:
            line = line[:-1]
        return line.rstrip() + "…"

    out, line = [], ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if measure(candidate) <= room:
            line = candidate
            continue
        if line:
            out.append(line)
        line = word
        # A long compound («Sykkelverkstedet») is divided with a hyphen rather than cut.
        while measure(line) > room and len(out) < lines - 1:
            head = len(line) - 3
            while head > 3 and measure(line[:head] + "-") > room:
                head -= 1
            if head <= 3:
                break
            out.append(line[:head] + "-")
            line = line[head:]
    out.append(line)
    if len(out) > lines:
        out = out[: lines - 1] + [" ".join(out[lines - 1 :])]
    return [fitted(line) for line in out]


def is_shortened(lines: list[str], text: str) -> bool:
    """Whether the lines drawn leave out some of `text` (a hyphen that divides a word does not)."""
    drawn = "".join(line.removesuffix("-") if line.endswith("-") else line + " " for line in lines)
    return drawn.strip() != " ".join(text.split())
