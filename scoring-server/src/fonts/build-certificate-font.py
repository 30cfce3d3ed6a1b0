#!/usr/bin/env python3
"""Builds the certificate font shipped in the server jar (see the README next to it).

WenQuanYi Micro Hei (face 0 of wqy-microhei.ttc) gives Latin, punctuation and every hanzi of GBK;
Droid Sans Fallback, the font Micro Hei was drawn from, adds CJK Extension A (rare name characters),
scaled from its 256 units per em to Micro Hei's 2048 (an exact x8). Hinting, layout and vertical
tables are dropped: a PDF reader draws outlines at print resolution and needs none of them.

Needs fontTools (Debian: python3-fonttools). Usage:
    build-certificate-font.py wqy-microhei.ttc DroidSansFallbackFull.ttf OUT.ttf
"""
import io
import sys

from fontTools import subset
from fontTools.merge import Merger
from fontTools.ttLib import TTFont
from fontTools.ttLib.scaleUpem import scale_upem

FAMILY = "WenQuanYi Micro Hei Certificate"
POSTSCRIPT = "WenQuanYiMicroHeiCertificate"
NOTICE = ("Modified for Craftmark certificates: subset of WenQuanYi Micro Hei 0.2.0-beta "
          "(Latin, punctuation, GBK) with CJK Extension A from Droid Sans Fallback; hinting removed.")

EXTENSION_A = range(0x3400, 0x4DC0)
# GBK stops at U+9FA5; Micro Hei has the 30 Unicode 4.1/5.1 ideographs after it too.
UNIFIED = range(0x4E00, 0xA000)
LATIN = [*range(0x20, 0x7F), *range(0xA0, 0x180), *range(0x1CD, 0x1DD)]  # + pinyin ǎ ǐ ǒ ǔ ǖ ǘ ǚ ǜ
# Separators in minority names (阿卜杜·热合曼, also typed as ・ U+30FB) and CJK/full-width
# punctuation beyond GBK's.
PUNCTUATION = [*range(0x2000, 0x2070), *range(0x3000, 0x3040), 0x30FB, *range(0xFF00, 0xFFF0)]


def gbk():
    """Every BMP character GBK (code page 936) encodes: hanzi, symbols, kana, Greek, Cyrillic..."""
    chars = []
    for cp in range(0x80, 0x10000):
        try:
            chr(cp).encode("gbk")
            chars.append(cp)
        except UnicodeEncodeError:
            pass
    return chars


def subsetted(font, unicodes):
    options = subset.Options()
    options.hinting = False
    options.layout_features = []
    options.drop_tables += ["GSUB", "GPOS", "GDEF", "vhea", "vmtx", "FFTM", "gasp"]
    options.glyph_names = False
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=unicodes)
    subsetter.subset(font)
    return font


def saved(font):
    out = io.BytesIO()
    font.save(out)
    out.seek(0)
    return out


def rename(font):
    name = font["name"]
    for record in list(name.names):
        if record.nameID in (1, 3, 4, 6, 16, 17, 10):
            name.removeNames(nameID=record.nameID)
    for name_id, text in ((1, FAMILY), (2, "Regular"), (3, POSTSCRIPT), (4, FAMILY), (6, POSTSCRIPT), (10, NOTICE)):
        name.setName(text, name_id, 3, 1, 0x409)
        name.setName(text, name_id, 1, 0, 0)


def main(microhei_ttc, droid_ttf, out_path):
    base = subsetted(TTFont(microhei_ttc, fontNumber=0), [*LATIN, *PUNCTUATION, *UNIFIED, *gbk()])
    have = set(base.getBestCmap())
    extension = subsetted(TTFont(droid_ttf), [cp for cp in EXTENSION_A if cp not in have])
    scale_upem(extension, base["head"].unitsPerEm)
    created, modified = base["head"].created, base["head"].modified

    merged = Merger().merge([saved(base), saved(extension)])
    rename(merged)
    # Same inputs, same bytes: keep the source's timestamps instead of the build time.
    merged.recalcTimestamp = False
    merged["head"].created, merged["head"].modified = created, modified
    merged.save(out_path)

    cmap = TTFont(out_path).getBestCmap()
    print(f"{out_path}: {len(cmap)} characters, "
          f"{sum(0x4E00 <= c <= 0x9FFF for c in cmap)} URO, {sum(c in EXTENSION_A for c in cmap)} Extension A")


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
