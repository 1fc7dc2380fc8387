"""Pure Python: dataclasses, enums, rules, date maths and geometry. No Qt, no SQL."""
