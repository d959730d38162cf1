"""Check digits, and the ISBN forms that need the ISBN ranges.

Each function takes the identifier in the form its scheme reads it (compact, check character
included) and returns the check character(s) it should end with. python-stdnum is imported by the
functions that use it, the first time one is called, never by ``import notice_ld.identifiers``.

>>> isbn_check("9782070360246"), issn_check("0317-8471"), mod_11_2_check("0000000218250097")
('6', '1', '7')
>>> idref_check("026927608"), ror_checksum("05f82e368")
('8', '68')
"""

from __future__ import annotations

_CROCKFORD = "0123456789abcdefghjkmnpqrstvwxyz"


def isbn_check(compact: str) -> str:
    """The check digit of an ISBN-10 (``X`` for 10) or ISBN-13, by the length of ``compact``.

    >>> isbn_check("2070360245"), isbn_check("9791090636071")
    ('5', '1')
    """
    if len(compact) == 10:
        total = sum((10 - pos) * int(digit) for pos, digit in enumerate(compact[:9]))
        check = (11 - total % 11) % 11
        return "X" if check == 10 else str(check)
    total = sum(int(digit) * (3 if pos % 2 else 1) for pos, digit in enumerate(compact[:12]))
    return str((10 - total % 10) % 10)


def issn_check(value: str) -> str:
    """The check character of an ISSN written ``NNNN-NNNC`` or ``NNNNNNNC`` (python-stdnum).

    >>> issn_check("1050-124X")
    'X'
    """
    from stdnum.issn import calc_check_digit  # lazy: python-stdnum costs tens of milliseconds to import

    return str(calc_check_digit(value.replace("-", "")[:7]))


def mod_11_2_check(compact: str) -> str:
    """The ISO 7064 MOD 11-2 check character of a 16-character ORCID or ISNI (python-stdnum).

    >>> mod_11_2_check("000000021694233X")
    'X'
    """
    from stdnum.iso7064.mod_11_2 import calc_check_digit  # lazy, as above

    return str(calc_check_digit(compact[:15]))


def idref_check(value: str) -> str:
    """The modulo-11 check character of an IdRef number (PPN): 8 digits, then this.

    >>> idref_check("02705123X")
    '4'
    """
    total = sum(int(digit) * weight for digit, weight in zip(value[:8], range(9, 1, -1), strict=True))
    check = 11 - total % 11
    return "X" if check == 10 else "0" if check == 11 else str(check)


def ror_checksum(value: str) -> str:
    """The two-digit ISO 7064 MOD 97-10 checksum of a ROR identifier (after its 7 first characters).

    >>> ror_checksum("02feahw73")
    '73'
    """
    number = 0
    for char in value[:7]:
        number = number * 32 + _CROCKFORD.index(char)
    return f"{98 - (number * 100) % 97:02d}"


def isbn_hyphenated(compact: str) -> str:
    """The ISBN-13 of a checked ISBN-10 or ISBN-13, hyphenated by the ISBN ranges (python-stdnum).

    >>> isbn_hyphenated("2070360245")
    '978-2-07-036024-6'
    """
    import stdnum.isbn  # lazy, as above

    return str(stdnum.isbn.format(compact, convert=True))


def isbn10_hyphenated(value: str) -> str | None:
    """The hyphenated ISBN-10 form of a checked ISBN, or ``None`` for 979- ISBNs that have none.

    >>> isbn10_hyphenated("978-2-07-036024-6"), isbn10_hyphenated("979-10-90636-07-1") is None
    ('2-07-036024-5', True)
    """
    import stdnum.isbn  # lazy, as above

    compact = str(stdnum.isbn.compact(value, convert=True))
    if not compact.startswith("978"):
        return None
    return str(stdnum.isbn.format(stdnum.isbn.to_isbn10(compact)))
