"""Money is integer fen: shown and read as yuan.
"""

from __future__ import annotations

from decimal import Decimal


def yuan(fen: int) -> Decimal:
    return (Decimal(fen) / 100).quantize(Decimal("0.01"))


def format_yuan(fen: int) -> str:
    return f"{yuan(fen):,.2f}"


def fen_from_yuan(text: str) -> int:
    """``40``, ``40.5`` or ``40.50`` yuan as fen; anything else raises ValueError."""
    value = Decimal(text.strip().replace(",", "").replace("元", ""))
    fen = value * 100
    if fen != fen.to_integral_value():
        raise ValueError(text)
    return int(fen)
