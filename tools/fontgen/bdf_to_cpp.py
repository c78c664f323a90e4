#!/usr/bin/env python3
"""Generates firmware/ui/font_data.cpp from the X11 misc-fixed bitmap fonts.

The fonts are public domain (their COPYRIGHT property: "Public domain font.  Share and
enjoy.") and come with Debian's xfonts-base package; pcf2bdf turns their PCF files into BDF,
which this script reads. Only the code points the terminal needs are kept, one byte per pixel
row, so the firmware carries a few kilobytes instead of a font file.

Usage: tools/fontgen/bdf_to_cpp.py [--fonts-dir DIR] [--out firmware/ui/font_data.cpp]
"""

import argparse
import pathlib
import subprocess
import sys

FONTS = [
    # (function name, file stem, cell width)
    ("small_font", "6x13", 6),
    ("normal_font", "8x13", 8),
]

# Printable ASCII, Latin-1 and the few typographic marks and arrows screens use.
CODE_POINTS = (
    list(range(0x20, 0x7F))
    + list(range(0xA0, 0x100))
    + [0x2013, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2026]
    + list(range(0x2190, 0x2194))
    + [0x20AC]
)


def camel(snake):
    return "".join(word.capitalize() for word in snake.split("_"))


def read_bdf(text):
    """Returns (properties, {code point: (bbx, dwidth, [row bit strings])})."""
    props = {}
    glyphs = {}
    lines = iter(text.splitlines())
    for line in lines:
        words = line.split(None, 1)
        if not words:
            continue
        key = words[0]
        if key in ("FONT", "FONTBOUNDINGBOX", "FONT_ASCENT", "FONT_DESCENT", "COPYRIGHT"):
            props[key] = words[1].strip() if len(words) > 1 else ""
        elif key == "STARTCHAR":
            encoding = None
            bbx = None
            rows = []
            for line in lines:
                parts = line.split()
                if not parts:
                    continue
                if parts[0] == "ENCODING":
                    encoding = int(parts[1])
                elif parts[0] == "BBX":
                    bbx = tuple(int(p) for p in parts[1:5])
                elif parts[0] == "BITMAP":
                    for line in lines:
                        if line.strip() == "ENDCHAR":
                            break
                        rows.append(line.strip())
                    break
            if encoding is not None and encoding >= 0 and bbx is not None:
                glyphs[encoding] = (bbx, rows)
    return props, glyphs


def cell_rows(bbx, rows, cell_width, height, ascent):
    """Places a glyph's bitmap in its cell; returns one int per cell row, bit 7 = leftmost."""
    w, h, x_off, y_off = bbx
    cell = [0] * height
    top = ascent - (y_off + h)  # cell row of the bitmap's first row
    for r, hex_row in enumerate(rows[:h]):
        y = top + r
        if not 0 <= y < height:
            continue
        bits = int(hex_row, 16)
        nbits = len(hex_row) * 4
        for c in range(w):
            x = x_off + c
            if 0 <= x < cell_width and bits & (1 << (nbits - 1 - c)):
                cell[y] |= 0x80 >> x
    return cell


def load_font(fonts_dir, stem):
    path = pathlib.Path(fonts_dir) / f"{stem}.pcf.gz"
    pcf = subprocess.run(["zcat", str(path)], check=True, capture_output=True).stdout
    bdf = subprocess.run(["pcf2bdf"], input=pcf, check=True, capture_output=True).stdout
    return path, read_bdf(bdf.decode("latin-1"))


def emit_font(out, name, stem, cell_width, path, props, glyphs):
    ascent = int(props["FONT_ASCENT"])
    height = ascent + int(props["FONT_DESCENT"])
    if cell_width > 8:
        sys.exit(f"{stem}: cells wider than 8 pixels need more than a byte per row")
    missing = [cp for cp in CODE_POINTS if cp not in glyphs]
    if missing:
        sys.exit(f"{stem}: no glyph for " + ", ".join(f"U+{cp:04X}" for cp in missing))
    cps = sorted(CODE_POINTS)
    out.append(f"// {stem}: {props['FONT']}")
    out.append(f"//   from {path}, {props['COPYRIGHT']}")
    out.append(f"constexpr char32_t k{camel(name)}CodePoints[] = {{")
    for i in range(0, len(cps), 12):
        out.append("    " + ", ".join(f"0x{cp:04X}" for cp in cps[i : i + 12]) + ",")
    out.append("};")
    out.append(f"constexpr std::uint8_t k{camel(name)}Rows[] = {{")
    for cp in cps:
        bbx, rows = glyphs[cp]
        cell = cell_rows(bbx, rows, cell_width, height, ascent)
        # A backslash would continue the comment onto the next line; blanks show nothing.
        shown = "" if cp in (0x20, 0x5C, 0xA0, 0xAD) else " " + chr(cp)
        out.append("    " + ", ".join(f"0x{b:02X}" for b in cell) + f",  // U+{cp:04X}{shown}")
    out.append("};")
    out.append("")
    return name, cell_width, height, ascent


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fonts-dir", default="/usr/share/fonts/X11/misc")
    here = pathlib.Path(__file__).resolve().parent
    parser.add_argument("--out", default=str(here.parent.parent / "firmware/ui/font_data.cpp"))
    args = parser.parse_args()

    out = [
        "// GENERATED FILE, do not edit: written by tools/fontgen/bdf_to_cpp.py.",
        "// Regenerate (needs Debian's xfonts-base and pcf2bdf): python3 tools/fontgen/bdf_to_cpp.py",
        "//",
        "// Glyphs taken from the X11 misc-fixed fonts 6x13 and 8x13 (ISO10646-1 encodings), whose",
        '// licence reads in full: "Public domain font.  Share and enjoy."',
        "// Each glyph is `height` bytes, one per pixel row from the top; bit 7 is the leftmost pixel.",
        "",
        "#include <cstdint>",
        "",
        '#include "ui/font.hpp"',
        "",
        "namespace linkpos::ui {",
        "namespace {",
        "",
    ]
    made = []
    for name, stem, cell_width in FONTS:
        path, (props, glyphs) = load_font(args.fonts_dir, stem)
        made.append(emit_font(out, name, stem, cell_width, path, props, glyphs))
    out.append("}  // namespace")
    out.append("")
    for name, cell_width, height, ascent in made:
        out.append(f"const Font& {name}() {{")
        out.append(
            f"  static constexpr Font kFont{{{cell_width}, {height}, {ascent}, "
            f"k{camel(name)}CodePoints, k{camel(name)}Rows}};"
        )
        out.append("  return kFont;")
        out.append("}")
        out.append("")
    out.append("}  // namespace linkpos::ui")
    pathlib.Path(args.out).write_text("\n".join(out) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
