"""`@frozen`: an immutable dataclass that is cheap to construct.

Values (numbers, quantities, date expressions, claims) are built tens of thousands of times per megabyte of
text. A `@dataclass(frozen=True)` sets each field through `object.__setattr__`, one call per field: measured
here, 4.0 us for a 13-field Quantity against 0.9 us when the whole instance dictionary is assigned at once.
This decorator keeps everything `dataclass(frozen=True)` gives (fields, defaults, eq, hash, repr,
`dataclasses.replace`, FrozenInstanceError on assignment) and swaps in that one-assignment `__init__`.
"""
from __future__ import annotations

from dataclasses import MISSING, dataclass, fields
from typing import TypeVar

T = TypeVar("T")


def frozen(cls: type[T]) -> type[T]:
    cls = dataclass(frozen=True)(cls)
    params: list[str] = []
    items: list[str] = []
    namespace: dict[str, object] = {"_set": object.__setattr__}
    for f in fields(cls):  # type: ignore[arg-type]
        if not f.init or f.default_factory is not MISSING:
            raise TypeError(f"@frozen {cls.__name__}.{f.name}: only plain fields with plain defaults")
        if f.default is MISSING:
            params.append(f.name)
        else:
            namespace[f"_default_{f.name}"] = f.default
            params.append(f"{f.name}=_default_{f.name}")
        items.append(f"{f.name!r}: {f.name}")
    if hasattr(cls, "__post_init__"):
        raise TypeError(f"@frozen {cls.__name__}: __post_init__ is not supported")
    source = f"def __init__(self, {', '.join(params)}):\n    _set(self, '__dict__', {{{', '.join(items)}}})\n"
    exec(source, namespace)  # noqa: S102 - generated from the class's own field names, as dataclasses does
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"  # type: ignore[attr-defined]
    init.__doc__ = cls.__init__.__doc__  # type: ignore[misc]
    cls.__init__ = init  # type: ignore[misc]
    return cls
