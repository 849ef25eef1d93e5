"""Generate synthetic plain-text documents of many generic business and everyday types.

A seeded, deterministic, non-news set for fine-tuning the default model's encoder and
calibrating its link: a link calibrated on BBC News articles only did not transfer to
invoices, contracts or forms. Every document here is *generated* from templates and pools of
names, companies, products and phrases; none is a real document, and none was copied from one.
The generators were written by a helper that did not read the evaluation PDFs, their labels or
their results; its brief (the list of types, with hints such as "agenda or minutes of a
board/council/committee") came from an engineer who had seen the evaluation rules. The rule
descriptions were then replaced by ones written blind: by a helper given only the type slugs,
told not to open any file, so that none echoes an evaluation rule's wording (the closest is at
sequence similarity 0.64, to a rule of another type; benchmarks/RESULTS.md has the history).

The text imitates what a PDF text extractor returns: headings, short lines, tables flattened
into lines of cells separated by two or more spaces, dates, amounts with currencies, reference
numbers and page furniture such as "Page 1 of 2", plus prose paragraphs where a type has them.
Each type also carries three rule descriptions, worded the way different users might describe
the type in a classification rule.

Limits: English only; one writer's idea of each type, so layouts and vocabulary are far less
varied than real documents; prose is assembled from sentence templates and reads repetitively
over many samples; no scanned-page noise, OCR errors, multi-column interleaving or images;
amounts are not always arithmetically consistent beyond the line totals of a table.

Usage::

    python scripts/synthetic_documents.py --per-type 50 --seed 0 --out .work/synthetic
    python scripts/synthetic_documents.py --show invoice --seed 3
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import random
import re
import string
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

MIN_WORDS = 60
MAX_WORDS = 900
"""Every document's length in whitespace-separated words lies in this range."""


@dataclass(frozen=True)
class DocumentType:
    """A document type: its slug, three user-style rule descriptions and its generator."""

    name: str
    descriptions: tuple[str, str, str]
    generate: Callable[[random.Random], str]


@dataclass(frozen=True)
class SyntheticDocument:
    """One generated document and the type it was generated as."""

    type: str
    text: str


# ---------------------------------------------------------------------------------------------
# Shared pools

FIRST_NAMES = (
    "James", "Mary", "Oliver", "Amelia", "Noah", "Sofia", "Liam", "Priya", "Mohammed", "Aisha",
    "Chen", "Mei", "Lucas", "Emma", "Daniel", "Grace", "Samuel", "Hannah", "Mateo", "Isabella",
    "Kwame", "Ama", "Hiroshi", "Yuki", "Pierre", "Claire", "Lars", "Ingrid", "Rafael", "Lucia",
    "Arjun", "Ananya", "Tomasz", "Olga", "David", "Sarah", "Ethan", "Chloe", "Omar", "Fatima",
    "Patrick", "Siobhan", "George", "Ruth", "Victor", "Nadia", "Felix", "Zara", "Henry", "Leah",
)  # fmt: skip
LAST_NAMES = (
    "Smith", "Johnson", "Williams", "Brown", "Taylor", "Patel", "Nguyen", "Garcia", "Okafor",
    "Kowalski", "Rossi", "Dubois", "Andersen", "Kim", "Tanaka", "Singh", "O'Brien", "Fischer",
    "Novak", "Silva", "Cohen", "Murphy", "Walker", "Hughes", "Evans", "Martin", "Lopez", "Hassan",
    "Ahmed", "Mensah", "Larsen", "Schmidt", "Bianchi", "Moreau", "Chen", "Wang", "Khan", "Reid",
    "Fraser", "Campbell", "Bennett", "Price", "Wright", "Harris", "Adeyemi", "Petrov", "Costa",
)  # fmt: skip
TITLES = ("Mr", "Ms", "Mrs", "Dr", "Mx", "Prof.")
COMPANY_STEMS = (
    "Northwind", "Bluepeak", "Redstone", "Silverline", "Greenfield", "Harbor", "Summit",
    "Ironbridge", "Lakeside", "Brightwater", "Oakridge", "Pinecrest", "Westgate", "Eastwood",
    "Crescent", "Meridian", "Atlas", "Beacon", "Cobalt", "Falcon", "Granite", "Horizon", "Juniper",
    "Keystone", "Lumen", "Maple", "Nova", "Orion", "Pioneer", "Quantum", "Riverbend", "Sterling",
    "Trident", "Unity", "Vertex", "Willow", "Zenith", "Ashford", "Kestrel", "Alder",
)  # fmt: skip
COMPANY_KINDS = (
    "Logistics", "Consulting", "Engineering", "Foods", "Software", "Analytics", "Supplies",
    "Manufacturing", "Partners", "Properties", "Healthcare", "Energy", "Media", "Systems",
    "Trading", "Industries", "Design", "Construction", "Labs", "Solutions", "Electrical",
    "Packaging", "Textiles", "Holdings", "Pharma", "Retail", "Technologies", "Services",
)  # fmt: skip
COMPANY_SUFFIXES = (
    "Ltd", "Ltd.", "Inc.", "LLC", "GmbH", "plc", "Co.", "Corporation", "Pty Ltd", "S.A.", "B.V.",
    "Group", "LLP", "AG", "Limited",
)  # fmt: skip
STREET_NAMES = (
    "High", "Station", "Church", "Mill", "Park", "Victoria", "King", "Queen", "Market", "Bridge",
    "Oak", "Elm", "Cedar", "Main", "Chestnut", "Harbour", "North", "Riverside", "Meadow", "Castle",
    "Union", "Hill", "Orchard", "Wellington", "Lincoln", "Washington", "Maple", "Spring", "Forest",
)  # fmt: skip
STREET_TYPES = (
    "Street", "Road", "Avenue", "Lane", "Way", "Drive", "Boulevard", "Place", "Close", "Court",
    "Terrace", "Crescent", "St.", "Rd", "Ave",
)  # fmt: skip
CITIES = (
    ("Manchester", "Manchester M## #@@", "United Kingdom"),
    ("Bristol", "Bristol BS# #@@", "United Kingdom"), ("Leeds", "Leeds LS## #@@", "United Kingdom"),
    ("Edinburgh", "Edinburgh EH# #@@", "United Kingdom"),
    ("Cardiff", "Cardiff CF## #@@", "United Kingdom"), ("Dublin", "Dublin D## @#@#", "Ireland"),
    ("Toronto", "Toronto, ON @#@ #@#", "Canada"), ("Ottawa", "Ottawa, ON @#@ #@#", "Canada"),
    ("Vancouver", "Vancouver, BC @#@ #@#", "Canada"),
    ("Chicago", "Chicago, IL 606##", "United States"),
    ("Austin", "Austin, TX 787##", "United States"),
    ("Seattle", "Seattle, WA 981##", "United States"),
    ("Boston", "Boston, MA 021##", "United States"),
    ("Denver", "Denver, CO 802##", "United States"),
    ("Atlanta", "Atlanta, GA 303##", "United States"), ("Sydney", "Sydney NSW 2###", "Australia"),
    ("Melbourne", "Melbourne VIC 3###", "Australia"), ("Auckland", "Auckland 1###", "New Zealand"),
    ("Wellington", "Wellington 6###", "New Zealand"),
    ("Singapore", "Singapore ######", "Singapore"), ("Cape Town", "Cape Town 8###", "South Africa"),
    ("Hamburg", "2#### Hamburg", "Germany"), ("Zurich", "80## Zurich", "Switzerland"),
    ("Amsterdam", "10## @@ Amsterdam", "Netherlands"), ("Copenhagen", "1### Copenhagen", "Denmark"),
)  # fmt: skip
CURRENCIES = (
    ("USD", "$"), ("EUR", "€"), ("GBP", "£"), ("CAD", "CA$"), ("AUD", "A$"), ("CHF", "CHF "),
    ("SGD", "S$"), ("NZD", "NZ$"), ("ZAR", "R "), ("INR", "₹"), ("DKK", "kr "),
)  # fmt: skip
MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
DATE_STYLES = (
    "{d} {B} {Y}", "{B} {d}, {Y}", "{Y}-{m}-{dd}", "{dd}/{m}/{Y}", "{m}/{dd}/{Y}", "{dd}.{m}.{Y}",
    "{d} {b} {Y}", "{dd}-{b}-{Y}", "{d} {b}. {Y}",
)  # fmt: skip
PRODUCTS = (
    "A4 copier paper 80 gsm, box of 5 reams", "Stainless steel hex bolts M8 x 40 (100)",
    "LED panel light 600x600 40W", "Ergonomic office chair, mesh back", "Toner cartridge, black",
    "Nitrile safety gloves, size L (box)", "Cat6 patch cable 2 m", "Hydraulic hose 1/2 in x 3 m",
    "Shipping boxes 40x30x30 cm (bundle of 25)", "Wireless keyboard and mouse set",
    "Pallet wrap film 500 mm", "Industrial floor cleaner 5 L", "Ball bearing 6204-2RS",
    "USB-C docking station", "Whiteboard markers, pack of 12", "Aluminium profile 40x40, 2 m",
    "Solar inverter 5 kW", "Thermal labels 100x150 mm (roll)", "High-visibility vest, yellow",
    "Dual monitor arm", "Copper pipe 15 mm x 3 m", "Emulsion paint, white matt 10 L",
    "Laptop 14 in, 16 GB RAM", "Torque wrench 1/2 in drive", "Fire extinguisher 6 kg ABC",
    "Pressure sensor 0-10 bar", "Oak veneer desk 1600 mm", "Coffee beans, 1 kg", "Printer drum",
    "Cable ties 300 mm (pack of 100)", "Lithium battery pack 48V", "Stacking chairs, grey",
    "Hand sanitiser 500 ml", "Safety boots S3, size 43", "Network switch 24-port",
    "Ring binders A4, 2-ring", "Vinyl flooring roll 2 m", "Stepladder, 6 tread", "Label printer",
)  # fmt: skip
SERVICES = (
    "Consulting services", "Website maintenance (monthly)", "Installation labour",
    "Delivery and handling", "Software licence, annual", "Graphic design", "Legal advice",
    "Translation services", "Office cleaning", "Equipment hire (per day)", "Training workshop",
    "Cloud hosting, monthly plan", "Audit fee", "Photography session", "Data migration",
    "Support hours", "Project management", "Copywriting", "Site survey", "Repair call-out",
)  # fmt: skip
BANKS = (
    "First Meridian Bank", "Harbour National Bank", "Crown Savings Bank", "Unity Credit Union",
    "Northern Trust Bank", "Oakwood Building Society", "Pacific Commerce Bank", "Metro Bank",
)  # fmt: skip
JOB_TITLES = (
    "Operations Manager", "Software Engineer", "Accountant", "Marketing Coordinator",
    "Project Manager", "Data Analyst", "Sales Executive", "Customer Service Advisor",
    "Registered Nurse", "Graphic Designer", "Procurement Officer", "HR Business Partner",
    "Warehouse Supervisor", "Civil Engineer", "Teacher", "Financial Controller",
    "Office Administrator", "Product Manager", "Electrician", "Research Assistant",
)  # fmt: skip
DEPARTMENTS = (
    "Finance", "Human Resources", "Operations", "Marketing", "Sales", "IT", "Legal", "Procurement",
    "Facilities", "Customer Service", "Research and Development", "Logistics",
)  # fmt: skip
BULLETS = ("•", "-", "*", "o", "▪", "–", "")
FOOTER_STYLES = ("Page {i} of {n}", "Page {i}", "- {i} -", "{i}/{n}", "{i}", "page {i} of {n}")


# ---------------------------------------------------------------------------------------------
# Small building blocks


def _code(rng: random.Random, pattern: str) -> str:
    """Fill ``#`` with digits and ``@`` with capital letters; other characters are kept."""
    return "".join(
        str(rng.randrange(10))
        if char == "#"
        else rng.choice(string.ascii_uppercase)
        if char == "@"
        else char
        for char in pattern
    )


def _person(rng: random.Random, *, title: bool = False) -> str:
    name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
    if rng.random() < 0.15:
        first, last = name.split(" ", 1)
        name = f"{first} {rng.choice(string.ascii_uppercase)}. {last}"
    return f"{rng.choice(TITLES)} {name}" if title else name


def _company(rng: random.Random) -> str:
    shape = rng.randrange(4)
    if shape == 0:
        return f"{rng.choice(LAST_NAMES)} & {rng.choice(LAST_NAMES)} {rng.choice(COMPANY_SUFFIXES)}"
    if shape == 1:
        return f"{rng.choice(COMPANY_STEMS)} {rng.choice(COMPANY_SUFFIXES)}"
    return f"{rng.choice(COMPANY_STEMS)} {rng.choice(COMPANY_KINDS)} {rng.choice(COMPANY_SUFFIXES)}"


def _city(rng: random.Random) -> tuple[str, str, str]:
    return rng.choice(CITIES)


def _address(rng: random.Random, *, country: bool | None = None) -> list[str]:
    _, city_line, country_name = _city(rng)
    street = f"{rng.randint(1, 480)} {rng.choice(STREET_NAMES)} {rng.choice(STREET_TYPES)}"
    lines = [street]
    if rng.random() < 0.25:
        lines.insert(
            0, rng.choice(("Unit", "Suite", "Floor", "Building", "Flat")) + f" {rng.randint(1, 40)}"
        )
    lines.append(_code(rng, city_line))
    if country if country is not None else rng.random() < 0.4:
        lines.append(country_name)
    return lines


def _phone(rng: random.Random) -> str:
    return _code(
        rng,
        rng.choice(("+44 ### #### ####", "(###) ###-####", "+1 ###-###-####", "0## #### ####",
                    "+61 # #### ####", "+49 ## #######", "###.###.####", "+353 # ### ####")),
    )  # fmt: skip


def _domain(rng: random.Random, company: str) -> str:
    stem = re.sub(r"[^a-z]", "", company.split()[0].lower()) or "mail"
    return stem + rng.choice((".com", ".co.uk", ".net", ".org", ".io", ".com.au", ".de", ".ca"))


def _email_address(rng: random.Random, person: str, domain: str) -> str:
    parts = [re.sub(r"[^a-z]", "", part.lower()) for part in person.split()]
    first, last = parts[0], parts[-1]
    local = rng.choice((f"{first}.{last}", f"{first[0]}{last}", first, f"{last}.{first[0]}"))
    return f"{local}@{domain}"


def _day(rng: random.Random, start: int = 2016, end: int = 2025) -> dt.date:
    first = dt.date(start, 1, 1)
    return first + dt.timedelta(days=rng.randrange((dt.date(end, 12, 31) - first).days))


def _date_style(rng: random.Random) -> str:
    return rng.choice(DATE_STYLES)


def _fmt(day: dt.date, style: str) -> str:
    month = MONTHS[day.month - 1]
    return style.format(
        d=day.day, dd=f"{day.day:02d}", m=f"{day.month:02d}", B=month, b=month[:3], Y=day.year
    )


def _clock(rng: random.Random, start: int = 7, end: int = 20) -> str:
    return f"{rng.randint(start, end):02d}:{rng.choice((0, 5, 10, 15, 20, 30, 40, 45, 50)):02d}"


@dataclass(frozen=True)
class _Money:
    """Formats amounts in one currency and one style, chosen once per document."""

    code: str
    symbol: str
    style: int

    def __call__(self, amount: float) -> str:
        text = f"{amount:,.2f}"
        if self.style == 0:
            return f"{self.symbol}{text}"
        if self.style == 1:
            return f"{text} {self.code}"
        if self.style == 2:
            return f"{self.code} {text}"
        return text


def _money(rng: random.Random) -> _Money:
    code, symbol = rng.choice(CURRENCIES)
    return _Money(code, symbol, rng.choice((0, 0, 1, 2, 3)))


def _amount(rng: random.Random, low: float, high: float) -> float:
    return round(rng.uniform(low, high), rng.choice((0, 2, 2, 2)))


def _is_number(cell: str) -> bool:
    return bool(re.fullmatch(r"[-+(]?[^\d\s]{0,4}\s?[\d.,]+%?\)?(\s?[A-Z]{3})?", cell.strip()))


def _table(rng: random.Random, rows: Sequence[Sequence[str]]) -> list[str]:
    """Rows flattened as a PDF extractor returns them: cells separated by two or more spaces."""
    gap = " " * rng.choice((2, 2, 3, 4))
    if rng.random() < 0.35:
        return [gap.join(cell for cell in row if cell).rstrip() for row in rows]
    columns = max(len(row) for row in rows)
    widths = [max((len(row[i]) for row in rows if i < len(row)), default=0) for i in range(columns)]
    numeric = [
        all(_is_number(row[i]) or not row[i] for row in rows[1:] if i < len(row))
        for i in range(columns)
    ]
    lines = []
    for row in rows:
        cells = [
            cell.rjust(widths[i]) if numeric[i] else cell.ljust(widths[i])
            for i, cell in enumerate(row)
        ]
        lines.append(gap.join(cells).rstrip())
    return lines


def _bullets(
    rng: random.Random, items: Sequence[str], *, numbered: bool | None = None
) -> list[str]:
    if numbered if numbered is not None else rng.random() < 0.2:
        form = rng.choice(("{i}. ", "{i}) ", "({i}) ", "{a}) "))
        return [
            form.format(i=i, a=string.ascii_lowercase[(i - 1) % 26]) + item
            for i, item in enumerate(items, 1)
        ]
    bullet = rng.choice(BULLETS)
    return [f"{bullet} {item}" if bullet else item for item in items]


_SLOT = re.compile(r"\{(\w+)\}")


def _fill(rng: random.Random, template: str, pools: Mapping[str, Sequence[str]]) -> str:
    """Replace each ``{slot}`` with a random entry of ``pools[slot]``; capitalise the start."""
    text = _SLOT.sub(lambda match: rng.choice(pools[match.group(1)]), template)
    return text[:1].upper() + text[1:]


def _sentences(
    rng: random.Random, templates: Sequence[str], pools: Mapping[str, Sequence[str]], count: int
) -> list[str]:
    chosen = (
        rng.sample(templates, count) if count <= len(templates) else rng.choices(templates, k=count)
    )
    return [_fill(rng, template, pools) for template in chosen]


def _paragraph(
    rng: random.Random,
    templates: Sequence[str],
    pools: Mapping[str, Sequence[str]],
    low: int = 3,
    high: int = 6,
) -> str:
    return " ".join(_sentences(rng, templates, pools, rng.randint(low, high)))


def _wrap(text: str, width: int) -> list[str]:
    """Break a paragraph into lines of at most ``width`` characters, as a PDF page sets it."""
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    if line:
        lines.append(line)
    return lines


def _prose(rng: random.Random, paragraphs: Sequence[str], width: int | None = None) -> list[str]:
    """Paragraphs as extracted text: wrapped at a page width or one line each, blank-separated."""
    width = width if width is not None else rng.choice((0, 70, 80, 90, 100))
    lines: list[str] = []
    for paragraph in paragraphs:
        lines.extend(_wrap(paragraph, width) if width else [paragraph])
        lines.append("")
    return lines


def _words(lines: Sequence[str]) -> int:
    return sum(len(line.split()) for line in lines)


def _clip(lines: Sequence[str], limit: int) -> list[str]:
    kept: list[str] = []
    total = 0
    for line in lines:
        total += len(line.split())
        if total > limit:
            break
        kept.append(line)
    return kept


def _top_up(rng: random.Random, lines: list[str], extras: Sequence[str], target: int) -> None:
    """Append extras in random order until ``lines`` holds ``target`` words or extras run out."""
    for extra in rng.sample(extras, len(extras)):
        if _words(lines) >= target:
            return
        lines.append(extra)


def _finish(
    rng: random.Random,
    lines: Sequence[str],
    *,
    header: str | None = None,
    paginate: float = 0.6,
) -> str:
    """Join lines into a document: blank runs collapsed, long ones cut, optional page furniture.

    A document longer than the word budget keeps its first lines, as an extractor limited to
    the first pages would return it.
    """
    tidy: list[str] = []
    for line in lines:
        if line.strip() or (tidy and tidy[-1].strip()):
            tidy.append(line.rstrip())
    while tidy and not tidy[-1].strip():
        tidy.pop()
    tidy = _clip(tidy, MAX_WORDS - 60)
    if rng.random() >= paginate:
        return "\n".join(tidy) + "\n"
    size = rng.randint(38, 60)
    pages = [tidy[start : start + size] for start in range(0, len(tidy), size)]
    style = rng.choice(FOOTER_STYLES)
    out: list[str] = []
    for number, page in enumerate(pages, 1):
        if number > 1 and header:
            out.extend([header, ""])
        out.extend(page)
        out.extend(["", style.format(i=number, n=len(pages)), ""])
    return "\n".join(out).rstrip() + "\n"


# ---------------------------------------------------------------------------------------------
# Commercial and financial documents


def _line_items(rng: random.Random, count: int) -> list[tuple[str, float, float]]:
    """(description, quantity, unit price) rows mixing goods and services."""
    items = []
    for _ in range(count):
        if rng.random() < 0.35:
            items.append((rng.choice(SERVICES), float(rng.choice((1, 1, 2, 4, 6, 8, 12, 20))),
                          _amount(rng, 40, 1500)))  # fmt: skip
        else:
            items.append((rng.choice(PRODUCTS), float(rng.randint(1, 60)), _amount(rng, 2, 900)))
    return items


def _quantity(value: float) -> str:
    return f"{value:g}"


def _party_block(rng: random.Random, label: str | None, company: str) -> list[str]:
    block = [label] if label else []
    block.append(company)
    if rng.random() < 0.5:
        block.append(rng.choice(("Attn: ", "Attention: ", "c/o ", "")) + _person(rng))
    block.extend(_address(rng))
    return block


def _invoice(rng: random.Random) -> str:
    money, style = _money(rng), _date_style(rng)
    seller, buyer = _company(rng), _company(rng)
    issued = _day(rng)
    due = issued + dt.timedelta(days=rng.choice((7, 14, 30, 30, 45, 60)))
    number = _code(rng, rng.choice(("INV-#####", "#######", "INV/20##/###", "@@-####-##", "####")))
    title = rng.choice(("INVOICE", "Invoice", "TAX INVOICE", "Sales Invoice", "INVOICE / BILL"))
    seller_block = [seller, *_address(rng), f"Tel: {_phone(rng)}"]
    if rng.random() < 0.6:
        seller_block.append(
            rng.choice(("VAT Reg. No: ", "Tax ID: ", "ABN ", "GST No. "))
            + _code(rng, "@@#########")
        )
    if rng.random() < 0.5:
        seller_block.append(f"accounts@{_domain(rng, seller)}")
    meta = [
        f"{rng.choice(('Invoice No:', 'Invoice Number:', 'Invoice #', 'No.'))} {number}",
        f"{rng.choice(('Invoice Date:', 'Date:', 'Date of issue:'))} {_fmt(issued, style)}",
        f"{rng.choice(('Due Date:', 'Payment due:', 'Due:'))} {_fmt(due, style)}",
    ]
    if rng.random() < 0.5:
        meta.append(f"PO Number: {_code(rng, 'PO-######')}")
    if rng.random() < 0.4:
        meta.append(f"Customer ID: {_code(rng, 'C#####')}")
    bill_to = _party_block(
        rng, rng.choice(("Bill To:", "Invoice To:", "Customer:", "BILL TO")), buyer
    )
    blocks = [seller_block, meta]
    rng.shuffle(blocks)
    out = [title, ""] if rng.random() < 0.7 else []
    for block in (*blocks, bill_to):
        out.extend([*block, ""])
    if rng.random() < 0.3:
        out.extend(_party_block(rng, "Ship To:", buyer) + [""])
    items = _line_items(rng, rng.randint(1, 14))
    with_codes = rng.random() < 0.4
    header = (
        ["Item", "Description", "Qty", "Unit Price", "Amount"]
        if with_codes
        else [
            "Description",
            rng.choice(("Qty", "Quantity", "Hours")),
            rng.choice(("Unit Price", "Rate", "Price")),
            rng.choice(("Amount", "Total", "Line Total")),
        ]
    )
    rows = [header]
    subtotal = 0.0
    for description, quantity, price in items:
        line = quantity * price
        subtotal += line
        cells = [description, _quantity(quantity), money(price), money(line)]
        rows.append([_code(rng, "@@-###"), *cells] if with_codes else cells)
    out.extend(_table(rng, rows))
    out.append("")
    totals = [["Subtotal", money(subtotal)]]
    if rng.random() < 0.2:
        discount = round(subtotal * rng.choice((0.05, 0.1)), 2)
        totals.append(["Discount", f"-{money(discount)}"])
        subtotal -= discount
    rate = rng.choice((0, 5, 7.5, 8, 10, 13, 15, 19, 20))
    tax = round(subtotal * rate / 100, 2)
    totals.append([f"{rng.choice(('VAT', 'Sales Tax', 'GST', 'Tax'))} ({rate:g}%)", money(tax)])
    shipping = _amount(rng, 5, 120) if rng.random() < 0.3 else 0.0
    if shipping:
        totals.append(["Shipping", money(shipping)])
    total = subtotal + tax + shipping
    totals.append(
        [rng.choice(("Total", "TOTAL", "Total Due", "Amount Due", "Balance Due")), money(total)]
    )
    out.extend(_table(rng, totals))
    out.append("")
    terms = rng.choice(
        (
            f"Payment terms: Net {(due - issued).days} days",
            f"Please pay within {(due - issued).days} days of the invoice date.",
            "Payment due on receipt.",
            f"Terms: {(due - issued).days} days net",
        )
    )
    out.append(terms)
    if rng.random() < 0.7:
        out.extend(
            [
                rng.choice(("Bank details:", "Payment details", "Please remit to:")),
                f"Bank: {rng.choice(BANKS)}",
                f"Account name: {seller}",
                rng.choice(
                    (
                        f"IBAN: {_code(rng, '@@## @@@@ #### #### #### ##')}",
                        f"Sort code: {_code(rng, '##-##-##')}  Account no: "
                        f"{_code(rng, '########')}",
                        f"Routing: {_code(rng, '#########')}  Account: {_code(rng, '##########')}",
                    )
                ),
            ]
        )
        if rng.random() < 0.5:
            out.append(f"SWIFT/BIC: {_code(rng, '@@@@@@@@')}")
        out.append(f"Reference: {number}")
    if rng.random() < 0.5:
        out.extend(["", rng.choice((
            "Thank you for your business!", "Late payments may incur interest at 1.5% per month.",
            "Goods remain the property of the seller until paid in full.",
            "Please quote the invoice number with your payment.",
            "Questions about this invoice? Contact our accounts team.",
        ))])  # fmt: skip
    return _finish(rng, out, paginate=0.5)


RECEIPT_FOODS = (
    "Milk 2L", "Sourdough loaf", "Bananas 1.2kg", "Free range eggs x12", "Cheddar 400g",
    "Orange juice 1L", "Pasta 500g", "Tomatoes", "Coffee, flat white", "Croissant",
    "Chicken breast", "Rice 1kg", "Apples", "Yoghurt 4pk", "Olive oil 500ml", "Chocolate bar",
    "Sparkling water", "Unleaded fuel 42.3L", "Newspaper", "Batteries AA 4pk", "Toothpaste",
    "Shampoo 400ml", "Paper towels", "Dish soap", "Avocado", "Salad bag", "Muffin",
    "Sandwich, ham & cheese",
)  # fmt: skip
SHOP_KINDS = (
    "Supermarket", "Cafe", "Pharmacy", "Hardware", "Convenience Store", "Fuel Station", "Bakery",
    "Books", "Market", "Deli",
)  # fmt: skip


def _receipt(rng: random.Random) -> str:
    money, style = _money(rng), _date_style(rng)
    shop = f"{rng.choice(COMPANY_STEMS)} {rng.choice(SHOP_KINDS)}"
    out = [shop.upper() if rng.random() < 0.5 else shop, *_address(rng, country=False)]
    if rng.random() < 0.6:
        out.append(f"Tel {_phone(rng)}")
    if rng.random() < 0.5:
        out.append(f"VAT No. {_code(rng, '### #### ##')}")
    out.append("")
    when = f"{_fmt(_day(rng), style)} {_clock(rng, 7, 22)}"
    meta = [when, f"{rng.choice(('Till', 'Register', 'POS'))} {rng.randint(1, 12)}",
            f"{rng.choice(('Cashier', 'Served by', 'Operator'))}: {rng.choice(FIRST_NAMES)}",
            f"{rng.choice(('Receipt', 'Trans', 'Txn'))} #{_code(rng, '######')}"]  # fmt: skip
    rng.shuffle(meta)
    out.extend(meta[: rng.randint(2, 4)] + [""])
    rows = []
    total = 0.0
    for _ in range(rng.randint(4, 18)):
        quantity = rng.choice((1, 1, 1, 2, 3))
        price = _amount(rng, 0.5, 25)
        total += quantity * price
        name = rng.choice(RECEIPT_FOODS)
        rows.append([f"{quantity} x {name}" if quantity > 1 else name, money(quantity * price)])
    out.extend(_table(rng, rows))
    out.append("")
    tax = round(total * rng.choice((0.05, 0.08, 0.1, 0.2)) / 1.1, 2)
    paid = rng.choice(("VISA", "MASTERCARD", "DEBIT CARD", "CASH", "AMEX", "CONTACTLESS"))
    lines = [["SUBTOTAL", money(total)], ["Tax included", money(tax)], ["TOTAL", money(total)]]
    if paid == "CASH":
        tendered = float(int(total) + rng.choice((1, 5, 10, 20)))
        lines += [["CASH", money(tendered)], ["CHANGE", money(tendered - total)]]
    else:
        lines += [[paid, money(total)], ["Card", _code(rng, "**** **** **** ####")],
                  ["Auth code", _code(rng, "######")]]  # fmt: skip
    out.extend(_table(rng, lines))
    out.append("")
    out.append(f"Items sold: {len(rows)}")
    extras = [
        "THANK YOU FOR SHOPPING WITH US",
        "Please keep your receipt as proof of purchase.",
        "Returns accepted within 28 days with receipt.",
        f"You earned {rng.randint(5, 90)} points today",
        "Tell us how we did: www." + _domain(rng, shop) + "/feedback",
        "Have a nice day!",
        "No refunds on sale items.",
        "Customer copy",
    ]
    _top_up(rng, out, extras, rng.randint(70, 110))
    return _finish(rng, out, paginate=0.0)


def _purchase_order(rng: random.Random) -> str:
    money, style = _money(rng), _date_style(rng)
    buyer, vendor = _company(rng), _company(rng)
    ordered = _day(rng)
    number = _code(rng, rng.choice(("PO-######", "PO####-##", "#########", "P@-#####")))
    out = [
        rng.choice(("PURCHASE ORDER", "Purchase Order", "PURCHASE ORDER (PO)", "Order Form")),
        "",
    ]
    out.extend([buyer, *_address(rng), f"Phone: {_phone(rng)}", ""])
    out.extend(
        [
            f"PO Number: {number}",
            f"Date: {_fmt(ordered, style)}",
            f"Required by: {_fmt(ordered + dt.timedelta(days=rng.randint(5, 60)), style)}",
        ]
    )
    if rng.random() < 0.5:
        out.append(f"Requisition: {_code(rng, 'REQ-#####')}")
    if rng.random() < 0.5:
        out.append(f"Cost centre: {_code(rng, '####')} {rng.choice(DEPARTMENTS)}")
    out.append("")
    vendor_block = _party_block(rng, rng.choice(("Vendor:", "Supplier:", "To:")), vendor)
    ship_block = _party_block(rng, rng.choice(("Ship To:", "Deliver To:")), buyer)
    out.extend(vendor_block + [""] + ship_block + [""])
    if rng.random() < 0.6:
        out.extend(
            _table(
                rng,
                [
                    ["Ship Via", "F.O.B.", "Payment Terms"],
                    [
                        rng.choice(("Courier", "Road freight", "Collect", "DHL", "UPS")),
                        rng.choice(("Destination", "Origin", "DAP", "EXW")),
                        rng.choice(("Net 30", "Net 45", "Net 60", "2/10 Net 30")),
                    ],
                ],
            )
        )
        out.append("")
    rows = [["Line", "Item Code", "Description", "Qty", "Unit", "Unit Cost", "Total"]]
    total = 0.0
    for index, (description, quantity, price) in enumerate(_line_items(rng, rng.randint(1, 16)), 1):
        total += quantity * price
        rows.append([str(index), _code(rng, "@@@-####"), description, _quantity(quantity),
                     rng.choice(("EA", "BOX", "PK", "HR", "M", "KG", "SET")), money(price),
                     money(quantity * price)])  # fmt: skip
    if rng.random() < 0.4:
        rows = [row[1:] for row in rows]
    out.extend(_table(rng, rows))
    out.extend(
        ["", f"{rng.choice(('Order Total', 'TOTAL', 'Total (excl. tax)'))}: {money(total)}", ""]
    )
    conditions = [
        "Please quote the PO number on all invoices, delivery notes and correspondence.",
        "Goods must be delivered to the address above between 08:00 and 16:00.",
        "Partial deliveries are not accepted without prior approval.",
        "Invoices without a valid PO number will be returned unpaid.",
        "Prices are fixed for the duration of this order.",
        "The supplier must notify the buyer of any delay immediately.",
        "This order is subject to our standard terms and conditions of purchase.",
    ]
    out.append(rng.choice(("Terms and conditions", "Notes:", "Special instructions")))
    out.extend(_bullets(rng, rng.sample(conditions, rng.randint(1, 5))))
    out.extend(["", f"Authorised by: {_person(rng)}", rng.choice(JOB_TITLES),
                f"Signature: ____________   Date: {_fmt(ordered, style)}"])  # fmt: skip
    return _finish(rng, out, paginate=0.4)


def _delivery_note(rng: random.Random) -> str:
    style = _date_style(rng)
    sender, receiver = _company(rng), _company(rng)
    day = _day(rng)
    out = [rng.choice(("DELIVERY NOTE", "Delivery Note", "PACKING SLIP", "Dispatch Note",
                       "GOODS DELIVERY NOTE")), ""]  # fmt: skip
    out.extend([sender, *_address(rng), ""])
    meta = [
        f"Delivery Note No: {_code(rng, 'DN-######')}",
        f"Dispatch date: {_fmt(day, style)}",
        f"Order ref: {_code(rng, 'SO-#####')}",
        f"Customer PO: {_code(rng, 'PO-######')}",
        f"Carrier: {rng.choice(('DHL', 'In-house van', 'FedEx', 'DPD', 'Kuehne+Nagel', 'UPS'))}",
        f"Tracking: {_code(rng, '@@#########@@')}",
        f"Route: {rng.randint(1, 30)}",
    ]
    out.extend(rng.sample(meta, rng.randint(3, len(meta))) + [""])
    out.extend(_party_block(rng, rng.choice(("Deliver to:", "Consignee:", "Ship to:")), receiver))
    out.append("")
    rows = [["Item", "Description", "Ordered", "Delivered", "Backorder"]]
    for description, quantity, _ in _line_items(rng, rng.randint(1, 15)):
        delivered = quantity if rng.random() < 0.8 else max(0.0, quantity - rng.randint(1, 5))
        rows.append([_code(rng, "###-###"), description, _quantity(quantity),
                     _quantity(delivered), _quantity(quantity - delivered)])  # fmt: skip
    if rng.random() < 0.4:
        rows = [[row[0], row[1], row[3]] for row in rows]
    out.extend(_table(rng, rows))
    out.extend(["", f"Packages: {rng.randint(1, 12)}   Total weight: {rng.randint(2, 900)} kg", ""])
    remarks = [
        "Please check the goods on arrival and report any damage within 48 hours.",
        "Goods received in good condition.",
        "Pallets remain the property of the sender.",
        "Fragile - handle with care.",
        "Keep dry. Store upright.",
        "Backordered items will follow in a separate delivery.",
    ]
    out.extend(rng.sample(remarks, rng.randint(1, 3)))
    out.extend(["", "Received by (print name): ____________________",
                "Signature: ____________________   Date: ___________",
                f"Driver: {_person(rng)}   Vehicle: {_code(rng, '@@## @@@')}"])  # fmt: skip
    return _finish(rng, out, paginate=0.3)


PRICE_CATEGORIES = (
    (
        "Office Supplies",
        (
            "Copier paper A4", "Envelopes C5 (500)", "Stapler, heavy duty", "Lever arch file",
            "Sticky notes 76x76", "Gel pens (10)",
        ),
    ),
    (
        "Fasteners",
        (
            "Wood screws 4x40 (200)", "Hex nuts M10 (100)", "Wall plugs 6 mm (100)",
            "Rivets 4.8 mm (500)", "Washers M8 (250)",
        ),
    ),
    (
        "Garden",
        (
            "Compost 50 L", "Hose reel 30 m", "Pruning shears", "Seed tray (10)", "Lawn feed 5 kg",
            "Raised bed kit",
        ),
    ),
    (
        "Electrical",
        (
            "Extension lead 4-way", "LED bulb E27 9W", "Cable 2.5 mm 100 m", "Double socket, white",
            "Circuit breaker 32A",
        ),
    ),
    (
        "Furniture",
        (
            "Desk 1400 mm", "Filing cabinet 3-drawer", "Meeting chair", "Bookcase 5-shelf",
            "Pedestal, lockable",
        ),
    ),
    (
        "Beverages",
        (
            "Espresso beans 1 kg", "Green tea (100 bags)", "Hot chocolate 1 kg", "Oat milk 1 L (6)",
            "Mineral water 500 ml (24)",
        ),
    ),
    (
        "Services",
        (
            "Installation per hour", "Call-out fee", "Annual maintenance plan", "Express delivery",
            "Assembly per item",
        ),
    ),
    (
        "Cleaning",
        (
            "Multi-surface spray 750 ml", "Bin liners (200)", "Microfibre cloths (10)",
            "Mop and bucket set", "Hand soap 5 L",
        ),
    ),
)  # fmt: skip


def _price_list(rng: random.Random) -> str:
    money, style = _money(rng), _date_style(rng)
    company = _company(rng)
    year = rng.randint(2017, 2026)
    out = [
        company,
        rng.choice(
            (
                f"Price List {year}",
                f"PRICE LIST - {MONTHS[rng.randrange(12)]} {year}",
                f"Product Catalogue {year}",
                f"Trade Price List {year}",
                "Rate Card",
            )
        ),  # fmt: skip
        f"Valid from {_fmt(_day(rng, year, year), style)}",
    ]
    if rng.random() < 0.5:
        out.append(rng.choice(("All prices exclude VAT.", "Prices include sales tax.",
                               "Prices are per unit unless stated.")))  # fmt: skip
    out.append("")
    for name, items in rng.sample(PRICE_CATEGORIES, rng.randint(2, 6)):
        out.append(name.upper() if rng.random() < 0.5 else name)
        rows = [["Code", "Description", "Unit", "Price"]] if rng.random() < 0.6 else []
        for item in rng.sample(items, rng.randint(2, len(items))):
            row = [
                _code(rng, "@@####"),
                item,
                rng.choice(("each", "pack", "box", "per hour", "set")),
                money(_amount(rng, 0.8, 650)),
            ]
            if rng.random() < 0.3:
                row.append(money(_amount(rng, 0.5, 500)))
            rows.append(row)
        out.extend(_table(rng, rows))
        out.append("")
    notes = [
        "Volume discounts: 5% over 50 units, 10% over 200 units.",
        "Prices subject to change without notice. E&OE.",
        "Free delivery on orders over " + money(rng.choice((100, 150, 250, 500))) + ".",
        f"Orders: sales@{_domain(rng, company)}  Tel {_phone(rng)}",
        "Minimum order value applies.",
        "Carriage charged at cost on small orders.",
    ]
    _top_up(rng, out, notes, rng.randint(70, 120))
    return _finish(rng, out, header=company)


TRANSACTION_KINDS = (
    ("CARD PAYMENT TO {shop}", -1), ("DIRECT DEBIT {utility}", -1), ("STANDING ORDER RENT", -1),
    ("SALARY {company}", 1), ("TRANSFER FROM {person}", 1), ("ATM WITHDRAWAL {city}", -1),
    ("ONLINE PAYMENT {company}", -1), ("INTEREST PAID", 1), ("REFUND {shop}", 1),
    ("CONTACTLESS {shop}", -1), ("FASTER PAYMENT {person}", -1), ("BANK CHARGE", -1),
)  # fmt: skip
UTILITIES = ("CITY WATER", "NORTHERN POWER", "GAS SUPPLY CO", "BROADBAND PLUS", "MOBILE TEL",
             "COUNCIL TAX", "GYM MEMBERSHIP", "CAR INSURANCE", "STREAMING SVC")  # fmt: skip


def _bank_statement(rng: random.Random) -> str:
    money = _money(rng)
    money = _Money(money.code, money.symbol, 3 if rng.random() < 0.6 else money.style)
    style = _date_style(rng)
    bank, holder = rng.choice(BANKS), _person(rng, title=rng.random() < 0.5)
    start = _day(rng).replace(day=1)
    end = (start + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
    out = [
        bank,
        rng.choice(
            (
                "Statement of Account",
                "Account Statement",
                "CURRENT ACCOUNT STATEMENT",
                "Savings Account Statement",
                "Business Account Statement",
            )
        ),
        "",
    ]
    out.extend([holder.upper(), *_address(rng), ""])
    details = [
        f"Account number: {_code(rng, '########')}",
        rng.choice(
            (
                f"Sort code: {_code(rng, '##-##-##')}",
                f"IBAN: {_code(rng, '@@## @@@@ #### #### ##')}",
                f"Routing number: {_code(rng, '#########')}",
            )
        ),
        f"Statement period: {_fmt(start, style)} to {_fmt(end, style)}",
        f"Statement date: {_fmt(end + dt.timedelta(days=rng.randint(1, 4)), style)}",
    ]
    out.extend(details + [""])
    balance = _amount(rng, 50, 9000)
    opening = balance
    header = rng.choice(
        (
            ["Date", "Description", "Money out", "Money in", "Balance"],
            ["Date", "Details", "Debit", "Credit", "Balance"],
            ["Posted", "Transaction", "Withdrawals", "Deposits", "Balance"],
        )
    )
    rows = [header, [_fmt(start, style), "Opening balance", "", "", money(balance)]]
    days = sorted(rng.randrange((end - start).days + 1) for _ in range(rng.randint(4, 30)))
    money_in = money_out = 0.0
    pools = {
        "shop": [f"{rng.choice(COMPANY_STEMS).upper()} {kind.upper()}" for kind in SHOP_KINDS],
        "utility": UTILITIES,
        "company": [_company(rng).upper()],
        "person": [_person(rng).upper()],
        "city": [city.upper() for city, _, _ in CITIES],
    }
    for offset in days:
        template, sign = rng.choice(TRANSACTION_KINDS)
        amount = _amount(rng, 1500, 4200) if template.startswith("SALARY") else _amount(rng, 2, 400)
        balance += sign * amount
        money_in += amount if sign > 0 else 0
        money_out += amount if sign < 0 else 0
        cells = [money(amount), ""] if sign < 0 else ["", money(amount)]
        rows.append(
            [
                _fmt(start + dt.timedelta(days=offset), style),
                _fill(rng, template, pools).upper(),
                *cells,
                money(balance),
            ]
        )
    rows.append([_fmt(end, style), "Closing balance", "", "", money(balance)])
    summary_at = len(out)
    out.extend(_table(rng, rows))
    out.append("")
    summary = [
        ["Opening balance", money(opening)],
        ["Total money in", money(money_in)],
        ["Total money out", money(money_out)],
        ["Closing balance", money(balance)],
    ]
    if rng.random() < 0.5:
        out[summary_at:summary_at] = [*_table(rng, summary), ""]
    else:
        out.extend(_table(rng, summary) + [""])
    notices = [
        "Please check this statement and report any discrepancies within 30 days.",
        f"Your deposit is protected up to {money(85000)} by the deposit guarantee scheme.",
        "Overdraft interest is charged at the rate shown in your account terms.",
        f"Customer service: {_phone(rng)} (24 hours)",
        "Never share your PIN or one-time passcodes with anyone, including bank staff.",
    ]
    out.extend(rng.sample(notices, rng.randint(1, 3)))
    return _finish(rng, out, header=f"{bank}  {holder}", paginate=0.8)


LEDGER_ACCOUNTS = (
    ("1000", "Cash at Bank"), ("1100", "Accounts Receivable"), ("1200", "Inventory"),
    ("1500", "Office Equipment"), ("2000", "Accounts Payable"), ("2100", "VAT Payable"),
    ("3000", "Owner's Equity"), ("4000", "Sales Revenue"), ("4100", "Service Income"),
    ("5000", "Cost of Goods Sold"), ("6100", "Rent Expense"), ("6200", "Utilities"),
    ("6300", "Wages and Salaries"), ("6400", "Travel Expenses"), ("6500", "Office Supplies"),
)  # fmt: skip
LEDGER_MEMOS = (
    "Invoice {ref} {company}", "Payment received {ref}", "Supplier bill {ref}", "Payroll {month}",
    "Rent {month}", "Bank transfer", "Petty cash top-up", "Depreciation {month}",
    "Credit note {ref}", "Purchase of supplies", "Accrual reversal", "Journal adjustment",
)  # fmt: skip


def _ledger(rng: random.Random) -> str:
    money = _Money("", "", 3)
    style = _date_style(rng)
    company = _company(rng)
    year = rng.randint(2016, 2025)
    title = rng.choice(("General Ledger", "GENERAL LEDGER DETAIL", "Cash Book", "Nominal Ledger",
                        "Journal Entries", "Accounts Payable Ledger"))  # fmt: skip
    out = [
        company,
        title,
        f"Period: {MONTHS[rng.randrange(12)]} {year}"
        if rng.random() < 0.5
        else f"For the year ended 31 December {year}",
        f"Currency: {rng.choice(CURRENCIES)[0]}",
        "",
    ]
    pools = {
        "ref": [_code(rng, "INV-####") for _ in range(5)],
        "company": [_company(rng) for _ in range(4)],
        "month": MONTHS,
    }
    accounts = rng.sample(LEDGER_ACCOUNTS, len(LEDGER_ACCOUNTS))
    wanted = rng.randint(1, 4)
    while accounts and (wanted > 0 or _words(out) < 80):
        wanted -= 1
        number, name = accounts.pop()
        out.append(
            f"Account {number}  {name}" if rng.random() < 0.6 else f"{number} - {name.upper()}"
        )
        rows = [["Date", "Ref", "Description", "Debit", "Credit", "Balance"]]
        balance = _amount(rng, 0, 20000)
        rows.append(["", "", "Balance brought forward", "", "", money(balance)])
        debits = credits = 0.0
        for _ in range(rng.randint(3, 14)):
            amount = _amount(rng, 10, 6000)
            is_debit = rng.random() < 0.5
            balance += amount if is_debit else -amount
            debits += amount if is_debit else 0
            credits += 0 if is_debit else amount
            rows.append(
                [
                    _fmt(_day(rng, year, year), style),
                    _code(rng, rng.choice(("JE###", "GL####", "##"))),
                    _fill(rng, rng.choice(LEDGER_MEMOS), pools),
                    money(amount) if is_debit else "",
                    "" if is_debit else money(amount),
                    money(balance),
                ]
            )
        rows.append(["", "", "Totals", money(debits), money(credits), money(balance)])
        out.extend(_table(rng, rows))
        out.append("")
    if rng.random() < 0.4:
        out.extend([f"Prepared by: {_person(rng)}", f"Reviewed by: {_person(rng)}"])
    return _finish(rng, out, header=f"{company}  {title}", paginate=0.7)


TAX_INCOME_LINES = (
    "Wages, salaries, tips", "Taxable interest", "Ordinary dividends", "Self-employment income",
    "Rental income", "Pension and annuity income", "Capital gains", "Other income",
    "Unemployment compensation", "Foreign income",
)  # fmt: skip
TAX_DEDUCTION_LINES = (
    "Pension contributions", "Charitable donations", "Student loan interest", "Medical expenses",
    "Allowable business expenses", "Mortgage interest", "Personal allowance", "Childcare costs",
)  # fmt: skip


TAX_FORM_TITLES = (
    "Individual Income Tax Return", "Tax Return", "Annual Tax Declaration",
    "Self Assessment Tax Return",
)  # fmt: skip


def _tax_form(rng: random.Random) -> str:
    money = _Money("", "", 3)
    year = rng.randint(2015, 2025)
    agency = rng.choice(("National Revenue Agency", "Department of Taxation", "Revenue Service",
                         "Tax Administration Office", "State Department of Revenue"))  # fmt: skip
    form = rng.choice(
        (f"Form {_code(rng, '###')}", f"Form {_code(rng, '@@-##')}", "Form IT-1", "Form TR")
    )
    out = [
        agency.upper() if rng.random() < 0.5 else agency,
        f"{form}  {rng.choice(TAX_FORM_TITLES)} {year}",
        f"For the tax year 1 January {year} to 31 December {year}"
        if rng.random() < 0.5
        else f"Tax year ending 5 April {year + 1}",
        "",
    ]
    filled = rng.random() < 0.8
    name = _person(rng)
    person_fields = [
        ("First name and initial", name.split()[0]),
        ("Last name", name.split()[-1]),
        ("Taxpayer identification number", _code(rng, "###-##-####")),
        ("Home address", " ".join(_address(rng)[:-1])),
        ("Date of birth", _fmt(_day(rng, 1950, 2002), "{dd}/{m}/{Y}")),
        ("Filing status", rng.choice(("Single", "Married filing jointly", "Head of household"))),
    ]
    out.append(
        rng.choice(("Part 1  Personal details", "SECTION A - TAXPAYER INFORMATION", "Your details"))
    )
    for label, value in person_fields:
        out.append(f"{label}: {value if filled else '_' * 20}")
    out.append("")
    line = 1
    total_income = 0.0
    out.append(rng.choice(("Part 2  Income", "SECTION B - INCOME", "Income")))
    rows = []
    for label in rng.sample(TAX_INCOME_LINES, rng.randint(3, 8)):
        amount = _amount(rng, 0, 60000) if rng.random() < 0.7 else 0.0
        total_income += amount
        rows.append([f"{line}", label, money(amount) if filled else "______"])
        line += 1
    rows.append(
        [
            f"{line}",
            "Total income. Add lines 1 to " + str(line - 1),
            money(total_income) if filled else "______",
        ]
    )
    line += 1
    out.extend(_table(rng, rows) + [""])
    out.append(
        rng.choice(("Part 3  Deductions and allowances", "SECTION C - DEDUCTIONS", "Adjustments"))
    )
    rows = []
    deductions = 0.0
    for label in rng.sample(TAX_DEDUCTION_LINES, rng.randint(2, 6)):
        amount = _amount(rng, 0, 8000)
        deductions += amount
        rows.append([f"{line}", label, money(amount) if filled else "______"])
        line += 1
    out.extend(_table(rng, rows) + [""])
    taxable = max(0.0, total_income - deductions)
    tax = round(taxable * rng.choice((0.15, 0.2, 0.22, 0.25)), 2)
    withheld = round(tax * rng.uniform(0.6, 1.3), 2)
    out.append(rng.choice(("Part 4  Tax computation", "SECTION D - TAX DUE", "Tax and payments")))
    rows = [
        [f"{line}", "Taxable income", money(taxable)],
        [f"{line + 1}", "Tax on taxable income", money(tax)],
        [f"{line + 2}", "Tax withheld / paid on account", money(withheld)],
        [
            f"{line + 3}",
            "Amount you owe" if tax > withheld else "Refund due",
            money(abs(tax - withheld)),
        ],
    ]
    if not filled:
        rows = [row[:2] + ["______"] for row in rows]
    out.extend(_table(rng, rows) + [""])
    if rng.random() < 0.6:
        out.extend(
            [
                rng.choice(("Refund method", "Direct deposit")),
                f"[{'x' if filled else ' '}] Bank transfer   [ ] Cheque",
                f"Account number: {_code(rng, '##########') if filled else '__________'}",
                "",
            ]
        )
    out.append(
        rng.choice(
            (
                "Declaration: Under penalties of perjury, I declare that I have examined this "
                "return and to the best of my knowledge and belief it is true, correct and "
                "complete.",
                "I declare that the information I have given on this return is correct and "
                "complete to the best of my knowledge. False statements may lead to prosecution.",
            )
        )
    )
    out.append(
        "Signature: ______________   Date: "
        f"{_fmt(_day(rng, year + 1, year + 1), '{dd}/{m}/{Y}') if filled else '__________'}"
    )
    if rng.random() < 0.5:
        out.extend(["", f"For official use only   Ref {_code(rng, '@@######')}   Received: ____"])
    return _finish(rng, out, header=f"{form} ({year})", paginate=0.7)


STAT_SUBJECTS = (
    ("Population by age group and region", ("0-14", "15-24", "25-44", "45-64", "65+"), "regions"),
    (
        "Employment rate by sector",
        ("Agriculture", "Industry", "Construction", "Services", "Public"), "regions",
    ),
    ("Average household income by region", ("2019", "2020", "2021", "2022", "2023"), "regions"),
    ("Hospital admissions by cause", ("Q1", "Q2", "Q3", "Q4", "Total"), "causes"),
    ("Exports by product group", ("2018", "2019", "2020", "2021", "2022", "2023"), "products"),
    ("Rainfall by month (mm)", ("Station A", "Station B", "Station C", "Mean"), "months"),
    ("Student enrolment by level", ("Female", "Male", "Total", "% change"), "levels"),
    (
        "Consumer price index by category", ("Weight", "Index", "1-month %", "12-month %"),
        "categories",
    ),
    ("Road traffic accidents by severity", ("Fatal", "Serious", "Slight", "All"), "regions"),
)  # fmt: skip
STAT_ROWS = {
    "regions": ("North East", "North West", "Yorkshire", "East Midlands", "West Midlands", "East",
                "London", "South East", "South West", "Wales", "Scotland", "Northern Ireland",
                "Northern", "Central", "Southern", "Coastal", "Capital District", "Highlands"),
    "causes": ("Respiratory", "Circulatory", "Injuries", "Digestive", "Cancer", "Infectious",
               "Mental health", "Maternity", "Other"),
    "products": ("Machinery", "Vehicles", "Chemicals", "Food and live animals", "Fuels",
                 "Textiles", "Metals", "Pharmaceuticals", "Electronics", "Other manufactures"),
    "months": MONTHS,
    "levels": ("Pre-primary", "Primary", "Lower secondary", "Upper secondary", "Vocational",
               "Bachelor's", "Master's", "Doctoral"),
    "categories": ("Food", "Alcohol and tobacco", "Clothing", "Housing", "Furnishings", "Health",
                   "Transport", "Communication", "Recreation", "Education", "Restaurants"),
}  # fmt: skip
STAT_SOURCES = (
    "Office for National Statistics", "National Statistics Bureau", "Ministry of Health",
    "Central Statistical Office", "Meteorological Service", "Customs and Excise Department",
    "Department for Education", "Regional Transport Authority", "Labour Force Survey",
)  # fmt: skip


def _stat_value(rng: random.Random, kind: int) -> str:
    if kind == 0:
        return f"{rng.randint(100, 999999):,}"
    if kind == 1:
        return f"{rng.uniform(0, 100):.1f}"
    return f"{rng.uniform(-12, 15):+.1f}"


def _statistics_table(rng: random.Random) -> str:
    out: list[str] = []
    if rng.random() < 0.4:
        out.extend(
            [
                rng.choice(STAT_SOURCES),
                rng.choice(
                    (
                        "Statistical Bulletin",
                        "Annual Abstract of Statistics",
                        "Statistical Tables",
                        "Data Release",
                    )
                ),
                "",
            ]
        )
    chapter = rng.randint(1, 12)
    tables = rng.randint(1, 4)
    number = 0
    while number < tables or _words(out) < 80:
        number += 1
        title, columns, row_kind = rng.choice(STAT_SUBJECTS)
        year = rng.randint(2010, 2024)
        out.append(
            rng.choice(
                (
                    f"Table {chapter}.{number}: {title}, {year}",
                    f"TABLE {number}. {title.upper()}",
                    f"Table {chapter}{string.ascii_uppercase[number]} {title} ({year})",
                )
            )
        )
        if rng.random() < 0.6:
            out.append(rng.choice(("Thousands", "Percentages", "Numbers", "Rates per 100,000",
                                   "Index (2015 = 100)", "Current prices, millions")))  # fmt: skip
        names = STAT_ROWS[row_kind]
        rows = [["", *columns]]
        kind = rng.choice((0, 1, 1))
        for name in rng.sample(names, rng.randint(4, len(names))):
            rows.append(
                [name, *(_stat_value(rng, 2 if "%" in column else kind) for column in columns)]
            )
        if kind == 0 and rng.random() < 0.6:
            rows.append(["Total", *(_stat_value(rng, 0) for _ in columns)])
        out.extend(_table(rng, rows))
        notes = [
            f"Source: {rng.choice(STAT_SOURCES)}",
            "Figures may not sum due to rounding.",
            "p = provisional; r = revised.",
            ".. = not available",
            "1 Excludes overseas territories.",
            f"Last updated {rng.randint(1, 28)} {rng.choice(MONTHS)} {year + 1}.",
            "Estimates based on a sample survey; see technical notes for confidence intervals.",
        ]
        out.extend(rng.sample(notes, rng.randint(1, 4)) + [""])
    return _finish(rng, out, paginate=0.5)


ANNUAL_SENTENCES = (
    "{year} was a year of {quality} progress for {company}.",
    "Revenue grew by {pct}% to {revenue}, driven by {driver}.",
    "Despite {headwind}, we delivered an operating margin of {margin}%.",
    "We continued to invest in {investment}, which will underpin growth over the coming years.",
    "On behalf of the Board, I would like to thank our {people} for their commitment.",
    "Our strategy remains focused on {driver} and disciplined capital allocation.",
    "The Board is recommending a final dividend of {cents} cents per share.",
    "We completed the acquisition of {target}, strengthening our position in {market}.",
    "Customer satisfaction scores improved for the {nth} consecutive year.",
    "We reduced scope 1 and 2 emissions by {pct}% compared with the previous year.",
    "Looking ahead, we expect {headwind} to persist, but we are well placed to respond.",
    "Net debt at year end stood at {revenue}, comfortably within our covenants.",
    "Our people are central to our success, and employee engagement reached {margin}%.",
    "The principal risks facing the Group include {headwind} and {risk}.",
)  # fmt: skip
ANNUAL_POOLS = {
    "quality": (
        "solid",
        "strong",
        "steady",
        "challenging but encouraging",
        "record",
        "transformational",
    ),
    "driver": (
        "growth in our core markets",
        "new product launches",
        "expansion into Asia",
        "higher recurring revenue",
        "operational efficiency",
        "our digital channels",
    ),
    "headwind": (
        "cost inflation",
        "weaker consumer demand",
        "supply chain disruption",
        "higher interest rates",
        "currency volatility",
        "regulatory change",
    ),
    "investment": (
        "technology and automation",
        "our store network",
        "research and development",
        "new production capacity",
        "skills and training",
    ),
    "people": ("employees", "colleagues around the world", "customers and shareholders", "teams"),
    "target": ("a regional distributor", "a software start-up", "a specialist manufacturer"),
    "market": ("North America", "the healthcare sector", "renewable energy", "online retail"),
    "risk": ("cyber security threats", "climate-related risks", "key supplier dependency"),
    "nth": ("second", "third", "fourth", "fifth"),
    "cents": tuple(str(n) for n in range(3, 60)),
    "pct": tuple(str(n) for n in range(2, 31)),
    "margin": tuple(str(n) for n in range(6, 45)),
}


ANNUAL_MEASURES = (
    "Revenue", "Gross profit", "Operating profit", "Profit before tax",
    "Earnings per share (cents)", "Free cash flow", "Net debt", "Dividend per share (cents)",
    "Employees",
)  # fmt: skip


def _annual_report(rng: random.Random) -> str:
    money = _money(rng)
    company = _company(rng)
    year = rng.randint(2014, 2025)
    revenue = _amount(rng, 20, 5000)
    pools = {**ANNUAL_POOLS, "company": (company,), "year": (str(year),),
             "revenue": (f"{money(revenue)} million", f"{money(revenue / 3)} million")}  # fmt: skip
    out = [
        company,
        rng.choice(
            (
                f"Annual Report {year}",
                f"Annual Report and Accounts {year}",
                f"{year} Integrated Annual Report",
                f"Annual Report {year}/{(year + 1) % 100:02d}",
            )
        ),
        "",
    ]
    sections: list[list[str]] = []
    chair = _person(rng)
    sections.append(
        [
            rng.choice(("Chair's statement", "Letter to shareholders", "Chief Executive's review")),
            *_prose(
                rng,
                [_paragraph(rng, ANNUAL_SENTENCES, pools, 3, 5) for _ in range(rng.randint(1, 4))],
            ),
            chair,
            rng.choice(("Chair", "Chief Executive Officer", "Chairman")),
        ]
    )
    rows = [["", str(year), str(year - 1), "Change"]]
    for label in rng.sample(ANNUAL_MEASURES, rng.randint(4, 8)):
        now, before = _amount(rng, 1, revenue), _amount(rng, 1, revenue)
        rows.append(
            [label, f"{now:,.1f}", f"{before:,.1f}", f"{(now - before) / before * 100:+.1f}%"]
        )
    sections.append(
        [
            rng.choice(("Financial highlights", "Key performance indicators", "Highlights")),
            f"({money.code} millions unless stated)",
            *_table(rng, rows),
        ]
    )
    sections.append(
        [
            rng.choice(("Strategic report", "Our strategy", "Business review", "Outlook")),
            *_prose(
                rng,
                [_paragraph(rng, ANNUAL_SENTENCES, pools, 3, 6) for _ in range(rng.randint(1, 3))],
            ),
        ]
    )
    if rng.random() < 0.6:
        board = [
            f"{_person(rng)}  {role}"
            for role in rng.sample(
                (
                    "Chair",
                    "Chief Executive Officer",
                    "Chief Financial Officer",
                    "Senior Independent Director",
                    "Non-Executive Director",
                    "Company Secretary",
                ),
                rng.randint(3, 6),
            )
        ]
        sections.append(["Board of Directors", *board])
    if rng.random() < 0.5:
        risks = rng.sample(
            (
                "Market risk",
                "Cyber security",
                "Regulatory compliance",
                "Climate change",
                "Supply chain",
                "Talent retention",
                "Liquidity",
            ),
            rng.randint(2, 5),
        )
        sections.append(["Principal risks and uncertainties", *_bullets(rng, risks)])
    first, rest = sections[0], sections[1:]
    rng.shuffle(rest)
    for section in (first, *rest):
        out.extend([*section, ""])
    return _finish(rng, out, header=f"{company} Annual Report {year}", paginate=0.8)


# ---------------------------------------------------------------------------------------------
# Legal, official and form documents

INSURANCE_COVERS = (
    (
        "Home Insurance",
        (
            "Buildings", "Contents", "Personal possessions", "Accidental damage", "Legal expenses",
            "Alternative accommodation",
        ),
    ),
    (
        "Motor Insurance",
        (
            "Third party liability", "Fire and theft", "Own damage", "Windscreen",
            "Personal accident", "Courtesy car",
        ),
    ),
    (
        "Travel Insurance",
        (
            "Medical expenses", "Cancellation", "Baggage", "Personal liability", "Travel delay",
            "Repatriation",
        ),
    ),
    (
        "Business Insurance",
        (
            "Public liability", "Employers' liability", "Business interruption", "Stock",
            "Professional indemnity", "Cyber",
        ),
    ),
    ("Pet Insurance", ("Vet fees", "Third party liability", "Death from illness", "Boarding fees")),
)  # fmt: skip
INSURANCE_CLAUSES = (
    "We will not pay for loss or damage caused by wear and tear, gradual deterioration or lack of "
    "maintenance.",
    "You must tell us as soon as possible about any change in your circumstances that may affect "
    "this insurance.",
    "This policy does not cover any loss arising from war, terrorism or nuclear contamination.",
    "If you make a claim, you must provide any information and documents we reasonably ask for.",
    "You may cancel this policy within 14 days of receiving it and receive a full refund, "
    "provided no claim has been made.",
    "The excess shown in the schedule is the first part of any claim that you must pay.",
    "We will not pay claims where the property has been left unoccupied for more than 60 "
    "consecutive days.",
    "Fraudulent claims will invalidate the policy and may be reported to the police.",
    "This schedule should be read together with the policy wording and any endorsements.",
    "Cover applies only within the territorial limits shown in the schedule.",
    "We may cancel this policy by giving you 14 days' notice in writing to your last known "
    "address.",
)  # fmt: skip


CAR_MODELS = (
    "Ford Focus",
    "Toyota Corolla",
    "VW Golf",
    "Honda Civic",
    "Kia Sportage",
    "Skoda Octavia",
)


def _insurance_policy(rng: random.Random) -> str:
    money, style = _money(rng), _date_style(rng)
    kind = rng.choice(("Insurance", "Assurance", "Mutual", "General Insurance"))
    insurer = f"{rng.choice(COMPANY_STEMS)} {kind} {rng.choice(('Ltd', 'plc', 'Company', 'Inc.'))}"
    cover, sections = rng.choice(INSURANCE_COVERS)
    start = _day(rng)
    out = [
        insurer,
        rng.choice(
            (
                f"{cover} - Policy Schedule",
                f"{cover.upper()} POLICY",
                f"Certificate and Schedule of {cover}",
                f"Your {cover} Policy",
            )
        ),
        "",
    ]
    details = [
        ("Policy number", _code(rng, "@@@-#######")),
        ("Policyholder", _person(rng, title=True)),
        ("Address", ", ".join(_address(rng))),
        (
            "Period of insurance",
            f"{_fmt(start, style)} to {_fmt(start + dt.timedelta(days=364), style)}",
        ),
        ("Date of issue", _fmt(start - dt.timedelta(days=rng.randint(1, 20)), style)),
    ]
    if cover == "Motor Insurance":
        details.append(
            (
                "Vehicle",
                f"{rng.choice(CAR_MODELS)}  Reg {_code(rng, '@@## @@@')}",
            )
        )
    if rng.random() < 0.5:
        details.append(("Broker", _company(rng)))
    out.extend(_table(rng, [[label + ":", value] for label, value in details]) + [""])
    out.append(rng.choice(("Schedule of cover", "What you are covered for", "SECTIONS OF COVER")))
    rows = [["Section", "Sum insured", "Excess"]]
    for name in rng.sample(sections, rng.randint(2, len(sections))):
        rows.append(
            [
                name,
                rng.choice((money(_amount(rng, 1000, 500000)), "Included", "Not covered")),
                money(rng.choice((0, 50, 100, 250, 500))),
            ]
        )
    out.extend(_table(rng, rows) + [""])
    premium = _amount(rng, 80, 3000)
    tax = round(premium * 0.12, 2)
    out.extend(
        _table(
            rng,
            [
                ["Annual premium", money(premium)],
                ["Insurance premium tax", money(tax)],
                ["Total payable", money(premium + tax)],
            ],
        )
        + [""]
    )
    out.append(
        rng.choice(("Important conditions and exclusions", "General conditions", "Exclusions"))
    )
    clauses = rng.sample(INSURANCE_CLAUSES, rng.randint(3, 8))
    out.extend(_bullets(rng, clauses, numbered=rng.random() < 0.5) + [""])
    out.append(
        rng.choice(
            (
                f"To make a claim call {_phone(rng)}, 24 hours a day.",
                f"Claims line: {_phone(rng)}  claims@{_domain(rng, insurer)}",
            )
        )
    )
    if rng.random() < 0.5:
        out.append(
            f"{insurer} is authorised and regulated by the financial conduct regulator. Registered "
            f"number {_code(rng, '#######')}."
        )
    return _finish(rng, out, header=insurer, paginate=0.6)


APPLICATION_KINDS = (
    ("Application for Membership", ("Membership type", "How did you hear about us?")),
    (
        "Building Permit Application",
        ("Site address", "Description of proposed works", "Estimated cost"),
    ),
    ("Grant Application Form", ("Project title", "Amount requested", "Project start date")),
    ("Account Opening Application", ("Account type", "Source of funds", "Occupation")),
    (
        "Student Admission Application",
        ("Programme applied for", "Previous school", "Year of entry"),
    ),
    ("Parking Permit Application", ("Vehicle registration", "Permit zone", "Permit duration")),
    ("Library Card Application", ("Preferred branch", "Card type")),
    ("Rental Application", ("Property applied for", "Current landlord", "Monthly income")),
    ("Volunteer Application Form", ("Areas of interest", "Availability", "Relevant experience")),
    ("Passport Renewal Application", ("Previous passport number", "Place of birth", "Height")),
)  # fmt: skip


def _application_form(rng: random.Random) -> str:
    title, specific = rng.choice(APPLICATION_KINDS)
    issuer = rng.choice(
        (
            _company(rng),
            f"City of {_city(rng)[0]}",
            f"{rng.choice(COMPANY_STEMS)} University",
            f"{rng.choice(COMPANY_STEMS)} Community Association",
            "Department of Home Affairs",
        )
    )
    filled = rng.random() < 0.5
    name = _person(rng)

    def field(label: str, value: str) -> str:
        return f"{label}: {value if filled else '_' * rng.randint(12, 30)}"

    out = [issuer, title.upper() if rng.random() < 0.5 else title]
    if rng.random() < 0.6:
        out.append(rng.choice(("Please complete in BLOCK CAPITALS using black ink.",
                               "Please read the guidance notes before completing this form.",
                               "Fields marked * are mandatory.")))  # fmt: skip
    out.append("")
    out.append(rng.choice(("Section 1: Personal details", "1. APPLICANT DETAILS", "About you")))
    out.extend(
        [
            field("Title", rng.choice(TITLES)),
            field("First name(s)", name.split()[0]),
            field("Surname", name.split()[-1]),
            field("Date of birth", _fmt(_day(rng, 1950, 2006), "{dd}/{m}/{Y}")),
            field("Address", ", ".join(_address(rng))),
            field("Telephone", _phone(rng)),
            field(
                "Email",
                _email_address(rng, name, rng.choice(("mail.com", "example.org", "inbox.net"))),
            ),
        ]
    )
    out.append("")
    out.append(
        rng.choice(
            ("Section 2: Application details", "2. DETAILS OF APPLICATION", "Your application")
        )
    )
    for label in specific:
        out.append(
            field(
                label,
                rng.choice(
                    (
                        "Standard",
                        "Full year",
                        "Yes",
                        _code(rng, "@@## @@@"),
                        "See attached",
                        str(rng.randint(1, 5000)),
                    )
                ),
            )
        )
    checks = [
        "Have you applied before?",
        "Do you have any criminal convictions?",
        "Do you require any adjustments?",
        "Are you over 18?",
        "Do you consent to a credit check?",
    ]
    for question in rng.sample(checks, rng.randint(1, 4)):
        yes = rng.random() < 0.5
        out.append(
            f"{question}  [{'x' if filled and yes else ' '}] Yes  "
            f"[{'x' if filled and not yes else ' '}] No"
        )
    if rng.random() < 0.6:
        out.extend(
            [
                "",
                rng.choice(
                    (
                        "Please give further details:",
                        "Additional information:",
                        "Tell us why you are applying (max 200 words):",
                    )
                ),  # fmt: skip
                rng.choice(
                    (
                        "I have lived in the area for many years and would like to contribute.",
                        "The works are needed to replace an old extension.",
                        "",
                    )
                )
                if filled
                else "_" * 60,
                "" if filled else "_" * 60,
            ]
        )
    out.extend(
        [
            "",
            rng.choice(("Declaration", "Section 3: Declaration", "DECLARATION AND CONSENT")),
            rng.choice(
                (
                    "I confirm that the information given on this form is true and complete. I "
                    "understand that giving false information may lead to my application being "
                    "refused.",
                    "I declare that the details above are correct and I agree to the terms and "
                    "conditions. I consent to my data being processed for the purpose of this "
                    "application.",
                )
            ),
            "Signature: ______________   Date: "
            f"{_fmt(_day(rng), '{dd}/{m}/{Y}') if filled else '___/___/______'}",
        ]
    )
    if rng.random() < 0.6:
        out.extend(
            [
                "",
                "FOR OFFICE USE ONLY",
                "Received: ________  Ref: ________  Fee paid: [ ]  Checked by: ____",
            ]
        )
    if rng.random() < 0.4:
        out.append(f"Return this form to: {issuer}, " + ", ".join(_address(rng)))
    return _finish(rng, out, paginate=0.5)


CERTIFICATE_KINDS = (
    (
        "Certificate of Completion", "has successfully completed",
        (
            "First Aid at Work", "Food Hygiene Level 2", "Project Management Fundamentals",
            "Advanced Excel", "Fire Safety Awareness", "Data Protection Essentials",
        ),
    ),
    (
        "Certificate of Achievement", "is awarded this certificate for",
        (
            "outstanding academic performance", "excellence in mathematics",
            "exceptional service to the community", "winning the regional science fair",
        ),
    ),
    (
        "Certificate of Attendance", "attended",
        (
            "the Annual Leadership Conference", "a two-day workshop on negotiation",
            "the International Symposium on Water Management",
            "the Continuing Professional Development seminar",
        ),
    ),
    (
        "Certificate of Appreciation", "in grateful recognition of",
        (
            "ten years of dedicated service", "volunteering at the community food bank",
            "an outstanding contribution to the project",
        ),
    ),
    (
        "Certificate of Conformity", "certifies that the product",
        (
            "Model X-200 Industrial Pump", "the PV-45 solar panel range",
            "the batch of steel beams, lot 2291",
        ),
    ),
)  # fmt: skip


def _certificate(rng: random.Random) -> str:
    style = _date_style(rng)
    kind, verb, subjects = rng.choice(CERTIFICATE_KINDS)
    issuer = rng.choice(
        (
            _company(rng),
            f"{rng.choice(COMPANY_STEMS)} Institute",
            f"{rng.choice(COMPANY_STEMS)} Academy",
            f"{rng.choice(COMPANY_STEMS)} Training Centre",
            f"University of {_city(rng)[0]}",
        )
    )
    day = _day(rng)
    out = [issuer, "", kind.upper() if rng.random() < 0.6 else kind, ""]
    name = _person(rng)
    subject = rng.choice(subjects)
    if kind == "Certificate of Conformity":
        out.extend(
            [
                f"This is to certify that {subject} supplied to {_company(rng)}",
                rng.choice(
                    (
                        "conforms to the requirements of EN 60204-1 and ISO 9001.",
                        "has been manufactured and tested in accordance with the applicable "
                        "standards.",
                    )
                ),
                f"Order reference: {_code(rng, 'SO-#####')}   Serial numbers: "
                f"{_code(rng, '######')} to {_code(rng, '######')}",
            ]
        )
    else:
        out.extend(
            [
                rng.choice(
                    (
                        "This is to certify that",
                        "This certificate is presented to",
                        "Awarded to",
                        "We hereby certify that",
                    )
                ),
                "",
                name.upper() if rng.random() < 0.4 else name,
                "",
                verb,
                subject,
            ]
        )
        if rng.random() < 0.6:
            out.append(
                rng.choice(
                    (
                        f"comprising {rng.randint(6, 120)} hours of study",
                        f"with a grade of {rng.choice(('Merit', 'Distinction', 'Pass', 'A'))}",
                        f"held in {_city(rng)[0]} on {_fmt(day, style)}",
                        f"and is awarded {rng.randint(1, 30)} CPD points",
                    )
                )
            )
    out.append("")
    out.append(
        f"{rng.choice(('Date of issue', 'Awarded on', 'Dated', 'Issued'))}: {_fmt(day, style)}"
    )
    if rng.random() < 0.5:
        out.append(f"Valid until: {_fmt(day + dt.timedelta(days=365 * rng.randint(1, 5)), style)}")
    out.append(f"Certificate No. {_code(rng, rng.choice(('@@-######', '######', '@###-####')))}")
    out.append("")
    for _ in range(rng.randint(1, 2)):
        out.extend(
            [
                "________________________",
                _person(rng),
                rng.choice(
                    (
                        "Director",
                        "Course Leader",
                        "Head of Training",
                        "Registrar",
                        "Quality Manager",
                        "President",
                    )
                ),
                "",
            ]
        )
    extras = [
        f"Verify this certificate at www.{_domain(rng, issuer)}/verify using the certificate "
        "number.",
        "This certificate remains the property of the issuing body.",
        f"Accredited by the {rng.choice(COMPANY_STEMS)} Accreditation Council.",
        f"{issuer}, " + ", ".join(_address(rng)),
        "Any alteration renders this certificate invalid.",
    ]
    extras += [
        "The holder has demonstrated the knowledge and skills required by the programme standards.",
        "This award is recorded on the register of qualifications held by the issuing body.",
        "Assessment: "
        + rng.choice(
            ("written examination.", "practical assessment.", "portfolio.", "online test.")
        ),
        "Signed and sealed on behalf of the awarding body.",
        f"Issued at {_city(rng)[0]}.",
    ]
    _top_up(rng, out, extras, rng.randint(70, 120))
    return _finish(rng, out, paginate=0.0)


CONTRACT_KINDS = (
    ("SERVICE AGREEMENT", "Client", "Service Provider", "the provision of {service} services"),
    (
        "CONSULTING AGREEMENT", "Company", "Consultant",
        "consulting services in relation to {service}",
    ),
    ("SUPPLY AGREEMENT", "Buyer", "Supplier", "the supply of {goods}"),
    (
        "NON-DISCLOSURE AGREEMENT", "Disclosing Party", "Receiving Party",
        "the evaluation of a possible collaboration on {service}",
    ),
    ("SOFTWARE LICENCE AGREEMENT", "Licensee", "Licensor", "a licence to use {software}"),
    ("EMPLOYMENT CONTRACT", "Employer", "Employee", "employment as {job}"),
    ("DISTRIBUTION AGREEMENT", "Principal", "Distributor", "the distribution of {goods}"),
    ("MAINTENANCE CONTRACT", "Customer", "Contractor", "the maintenance of {goods}"),
)  # fmt: skip
CONTRACT_POOLS = {
    "service": (
        "IT support",
        "marketing",
        "cleaning",
        "logistics",
        "payroll",
        "security",
        "engineering design",
    ),
    "goods": (
        "industrial components",
        "packaging materials",
        "medical devices",
        "office furniture",
        "frozen foods",
        "laboratory equipment",
        "HVAC systems",
    ),
    "software": (
        "the Licensor's inventory management software",
        "a cloud analytics platform",
        "accounting software",
    ),
    "job": tuple(title.lower() for title in JOB_TITLES),
    "days": ("14", "30", "45", "60", "90"),
    "months": ("3", "6", "12", "24", "36"),
    "law": (
        "England and Wales",
        "the State of New York",
        "Ontario",
        "New South Wales",
        "Ireland",
        "Delaware",
    ),
}
CONTRACT_CLAUSES = (
    (
        "Definitions",
        (
            'In this Agreement, "Confidential Information" means any information disclosed by one '
            "party to the other, whether orally or in writing, that is marked or reasonably "
            "understood to be confidential.",
            '"Services" means the services described in Schedule 1, as varied from time to time '
            "in accordance with this Agreement.",
            "References to clauses and schedules are to the clauses of and schedules to this "
            "Agreement.",
        ),
    ),
    (
        "Term",
        (
            "This Agreement shall commence on the Effective Date and continue for an initial "
            "period of {months} months.",
            "Thereafter it shall renew automatically for successive periods of 12 months unless "
            "either party gives not less than {days} days' written notice.",
        ),
    ),
    (
        "Obligations of the {b}",
        (
            "The {b} shall perform its obligations with reasonable skill, care and diligence and "
            "in accordance with good industry practice.",
            "The {b} shall comply with all applicable laws and the {a}'s reasonable site rules.",
            "The {b} shall ensure that its personnel are suitably qualified and experienced.",
        ),
    ),
    (
        "Obligations of the {a}",
        (
            "The {a} shall provide the {b} with timely access to information, premises and "
            "personnel reasonably required.",
            "The {a} shall pay all undisputed invoices within {days} days of receipt.",
        ),
    ),
    (
        "Fees and Payment",
        (
            "In consideration of the Services, the {a} shall pay the fees set out in Schedule 2.",
            "All sums are exclusive of VAT, which shall be payable in addition at the applicable "
            "rate.",
            "Interest shall accrue on late payments at 4% per annum above the base rate.",
        ),
    ),
    (
        "Confidentiality",
        (
            "Each party shall keep the other party's Confidential Information secret and shall "
            "not disclose it except to its employees and advisers who need to know it.",
            "This obligation shall survive termination of this Agreement for a period of five "
            "years.",
        ),
    ),
    (
        "Intellectual Property",
        (
            "All intellectual property rights in deliverables created under this Agreement shall "
            "vest in the {a} upon payment in full.",
            "Nothing in this Agreement transfers ownership of pre-existing intellectual property.",
        ),
    ),
    (
        "Limitation of Liability",
        (
            "Neither party excludes liability for death or personal injury caused by its "
            "negligence or for fraud.",
            "Subject to the foregoing, each party's total liability shall not exceed the fees "
            "paid in the 12 months preceding the claim.",
            "Neither party shall be liable for any indirect or consequential loss.",
        ),
    ),
    (
        "Termination",
        (
            "Either party may terminate this Agreement with immediate effect by written notice if "
            "the other commits a material breach that is not remedied within {days} days.",
            "Either party may terminate this Agreement if the other becomes insolvent or enters "
            "into liquidation.",
        ),
    ),
    (
        "Force Majeure",
        (
            "Neither party shall be liable for delay or failure caused by events beyond its "
            "reasonable control, including fire, flood, epidemic, war or industrial action.",
        ),
    ),
    (
        "Data Protection",
        (
            "Each party shall comply with applicable data protection legislation in respect of "
            "personal data processed under this Agreement.",
        ),
    ),
    (
        "Notices",
        (
            "Any notice under this Agreement shall be in writing and delivered by hand, by "
            "recorded post or by email to the addresses set out above.",
        ),
    ),
    (
        "Governing Law and Jurisdiction",
        (
            "This Agreement shall be governed by and construed in accordance with the laws of "
            "{law}.",
            "The courts of {law} shall have exclusive jurisdiction over any dispute arising out "
            "of it.",
        ),
    ),
    (
        "Entire Agreement",
        (
            "This Agreement constitutes the entire agreement between the parties and supersedes "
            "all prior negotiations and understandings.",
        ),
    ),
    (
        "Assignment",
        (
            "Neither party may assign or subcontract its rights or obligations without the prior "
            "written consent of the other, such consent not to be unreasonably withheld.",
        ),
    ),
)  # fmt: skip


def _clauses(
    rng: random.Random,
    clauses: Sequence[tuple[str, Sequence[str]]],
    pools: Mapping[str, Sequence[str]],
    count: int,
) -> list[str]:
    """Numbered clauses with numbered sub-clauses, as contracts and leases set them out."""
    out: list[str] = []
    caps = rng.random() < 0.4
    for number, (heading, sentences) in enumerate(rng.sample(clauses, count), 1):
        heading = _fill(rng, heading, pools)
        out.append(f"{number}. {heading.upper() if caps else heading}")
        subs = (
            list(sentences)
            if rng.random() < 0.6
            else rng.sample(sentences, rng.randint(1, len(sentences)))
        )
        for index, sentence in enumerate(subs, 1):
            text = _fill(rng, sentence, pools)
            out.append(f"{number}.{index} {text}" if len(subs) > 1 else text)
        out.append("")
    return out


def _signatures(rng: random.Random, parties: Sequence[tuple[str, str]], style: str) -> list[str]:
    out = [
        rng.choice(
            (
                "IN WITNESS WHEREOF the parties have signed this Agreement on the date first "
                "written above.",
                "Signed by the parties or their authorised representatives:",
                "SIGNED:",
            )
        ),
        "",
    ]
    for role, name in parties:
        out.extend(
            [
                f"For and on behalf of the {role}" if rng.random() < 0.5 else role,
                f"Name: {name}",
                "Signature: ______________________",
                f"Date: {_fmt(_day(rng), style)}",
                "",
            ]
        )
    return out


def _contract(rng: random.Random) -> str:
    style = _date_style(rng)
    title, role_a, role_b, purpose = rng.choice(CONTRACT_KINDS)
    party_a, party_b = _company(rng), _company(rng) if "EMPLOYMENT" not in title else _person(rng)
    pools = {**CONTRACT_POOLS, "a": (role_a,), "b": (role_b,)}
    day = _day(rng)
    out = [title.title() if rng.random() < 0.3 else title, ""]
    out.append(f'This {title.title()} (the "Agreement") is made on {_fmt(day, style)}')
    out.extend(
        [
            "BETWEEN:",
            f"(1) {party_a}, a company registered under number {_code(rng, '########')}, whose "
            f'registered office is at {", ".join(_address(rng))} (the "{role_a}"); and',
            f'(2) {party_b}, of {", ".join(_address(rng))} (the "{role_b}").',
            "",
        ]
    )
    if rng.random() < 0.7:
        out.extend(
            [
                "BACKGROUND" if rng.random() < 0.5 else "RECITALS",
                f"(A) The {role_a} wishes to engage the {role_b} for {_fill(rng, purpose, pools)}.",
                f"(B) The {role_b} has agreed to do so on the terms of this Agreement.",
                "",
                "IT IS AGREED as follows:"
                if rng.random() < 0.5
                else "NOW THEREFORE the parties agree as follows:",
                "",
            ]
        )
    out.extend(_clauses(rng, CONTRACT_CLAUSES, pools, rng.randint(3, 11)))
    if rng.random() < 0.4:
        money = _money(rng)
        out.extend(
            [
                "SCHEDULE 1 - FEES",
                *_table(
                    rng,
                    [
                        ["Item", "Fee"],
                        *[
                            [rng.choice(SERVICES), money(_amount(rng, 200, 20000))]
                            for _ in range(rng.randint(2, 5))
                        ],
                    ],
                ),
                "",
            ]
        )
    out.extend(_signatures(rng, [(role_a, _person(rng)), (role_b, _person(rng))], style))
    return _finish(rng, out, header=title, paginate=0.7)


LEASE_CLAUSES = (
    (
        "Rent",
        (
            "The Tenant shall pay the Rent of {rent} per {period} in advance on the {nth} day of "
            "each {period}.",
            "Rent shall be paid by standing order to the account nominated by the Landlord.",
            "The Landlord may review the Rent once in every 12 months by giving two months' "
            "written notice.",
        ),
    ),
    (
        "Deposit",
        (
            "The Tenant shall pay a deposit of {deposit} which will be held in an approved "
            "tenancy deposit scheme.",
            "The deposit will be returned within {days} days of the end of the tenancy, less any "
            "lawful deductions for damage or unpaid rent.",
        ),
    ),
    (
        "Use of the Premises",
        (
            "The Tenant shall use the Premises as a private residence only.",
            "The Tenant shall not carry on any trade or business from the Premises.",
            "No pets shall be kept at the Premises without the Landlord's written consent.",
        ),
    ),
    (
        "Repairs and Maintenance",
        (
            "The Landlord shall keep the structure, exterior and installations for water, gas and "
            "electricity in repair.",
            "The Tenant shall keep the interior of the Premises clean and in good decorative "
            "order and report any disrepair promptly.",
        ),
    ),
    (
        "Utilities and Charges",
        (
            "The Tenant shall pay all charges for electricity, gas, water, telephone, broadband "
            "and council tax during the Term.",
        ),
    ),
    (
        "Alterations",
        (
            "The Tenant shall not make any alteration or addition to the Premises without the "
            "Landlord's prior written consent.",
        ),
    ),
    (
        "Subletting",
        (
            "The Tenant shall not assign, sublet or part with possession of the whole or any part "
            "of the Premises.",
        ),
    ),
    (
        "Access",
        (
            "The Tenant shall allow the Landlord access to inspect the Premises on not less than "
            "24 hours' written notice, except in an emergency.",
        ),
    ),
    (
        "Termination",
        (
            "The Landlord may end the tenancy if the Rent is more than 14 days in arrears or the "
            "Tenant breaches any obligation in this Agreement.",
            "Either party may end the tenancy after the fixed term by giving {notice} months' "
            "written notice.",
        ),
    ),
    (
        "Insurance",
        (
            "The Landlord shall insure the building; the Tenant is responsible for insuring their "
            "own contents.",
        ),
    ),
    (
        "Service Charge",
        (
            "The Tenant shall pay a proportion of the cost of maintaining the common parts as a "
            "service charge.",
        ),
    ),
)  # fmt: skip


def _lease(rng: random.Random) -> str:
    money, style = _money(rng), _date_style(rng)
    commercial = rng.random() < 0.35
    title = rng.choice(("COMMERCIAL LEASE", "LEASE OF BUSINESS PREMISES") if commercial else
                       ("ASSURED SHORTHOLD TENANCY AGREEMENT", "RESIDENTIAL LEASE AGREEMENT",
                        "TENANCY AGREEMENT", "Residential Rental Agreement"))  # fmt: skip
    landlord = _company(rng) if rng.random() < 0.4 else _person(rng)
    tenant = _company(rng) if commercial else _person(rng)
    start = _day(rng)
    period = "month" if rng.random() < 0.8 else rng.choice(("week", "quarter"))
    rent = _amount(rng, 450, 6000) * (4 if commercial else 1)
    pools = {
        "rent": (money(rent),),
        "deposit": (money(round(rent * rng.choice((1, 1.5, 2)), 2)),),
        "period": (period,),
        "nth": ("first", "1st", "15th"),
        "days": ("10", "14", "30"),
        "notice": ("1", "2", "3"),
    }
    out = [title, ""]
    particulars = [
        ("Date", _fmt(start - dt.timedelta(days=rng.randint(3, 40)), style)),
        ("Landlord", f"{landlord} of {', '.join(_address(rng))}"),
        ("Tenant", tenant),
        (
            "Premises",
            ", ".join(_address(rng))
            + rng.choice(("", " including the garden and parking space", " (ground floor shop)")),
        ),
        ("Term", f"{rng.choice((6, 12, 12, 24, 36, 60, 120))} months from {_fmt(start, style)}"),
        ("Rent", f"{money(rent)} per {period}"),
        ("Deposit", pools["deposit"][0]),
    ]
    if rng.random() < 0.5:
        out.append("PARTICULARS")
        out.extend(_table(rng, [[label, value] for label, value in particulars]))
    else:
        out.extend(f"{label}: {value}" for label, value in particulars)
    out.append("")
    if rng.random() < 0.6:
        out.append(
            rng.choice(
                (
                    "This agreement is made between the Landlord and the Tenant named above. The "
                    "Landlord lets and the Tenant takes the Premises for the Term at the Rent on "
                    "the terms set out below.",
                    "The Landlord agrees to let and the Tenant agrees to take the Premises for the "
                    "Term subject to the following terms and conditions.",
                )
            )
        )
        out.append("")
    out.extend(_clauses(rng, LEASE_CLAUSES, pools, rng.randint(4, 10)))
    if rng.random() < 0.4:
        out.extend(
            [
                "SCHEDULE - INVENTORY",
                *_bullets(
                    rng,
                    rng.sample(
                        (
                            "Sofa, grey fabric",
                            "Double bed and mattress",
                            "Fridge freezer",
                            "Washing machine",
                            "Dining table and 4 chairs",
                            "Curtains in all rooms",
                            "Smoke alarms (2)",
                            "Keys: 3 front door, 1 back door",
                        ),
                        4,
                    ),
                ),
                "",
            ]
        )
    out.extend(_signatures(rng, [("Landlord", landlord), ("Tenant", tenant)], style))
    if rng.random() < 0.5:
        out.append(f"Witness: {_person(rng)}   Address: {', '.join(_address(rng))}")
    return _finish(rng, out, header=title, paginate=0.6)


POLICY_TOPICS = (
    (
        "Data Protection Policy", "personal data",
        (
            "Personal data must be processed lawfully, fairly and transparently.",
            "Personal data must be kept no longer than necessary for the purpose for which it was "
            "collected.",
            "Any data breach must be reported to the Data Protection Officer within 24 hours.",
            "Access to personal data is restricted to staff who need it to perform their duties.",
        ),
    ),
    (
        "Remote Working Policy", "working from home",
        (
            "Employees may work remotely for up to three days per week with their manager's "
            "approval.",
            "Remote workers must be contactable during core hours of 10:00 to 16:00.",
            "Company equipment used at home remains the property of the company.",
            "Employees must carry out a workstation self-assessment before working remotely.",
        ),
    ),
    (
        "Information Security Policy", "information systems",
        (
            "Passwords must be at least 12 characters long and must not be shared.",
            "Multi-factor authentication is mandatory for all remote access.",
            "Laptops must be encrypted and locked when left unattended.",
            "Suspected phishing emails must be reported to the IT service desk.",
        ),
    ),
    (
        "Travel and Expenses Policy", "business travel",
        (
            "Economy class must be booked for flights under six hours.",
            "Expense claims must be submitted within 30 days with itemised receipts.",
            "Alcohol is not reimbursable except at approved client entertainment.",
            "Mileage is reimbursed at the approved rate per kilometre.",
        ),
    ),
    (
        "Health and Safety Policy", "workplace safety",
        (
            "All accidents and near misses must be recorded in the accident book.",
            "Fire exits must be kept clear at all times.",
            "Risk assessments must be reviewed annually or after any significant change.",
            "Personal protective equipment must be worn in designated areas.",
        ),
    ),
    (
        "Anti-Bribery Policy", "gifts and hospitality",
        (
            "Employees must not offer or accept bribes in any form.",
            "Gifts above a nominal value must be recorded in the gifts register.",
            "Facilitation payments are prohibited.",
            "Concerns may be raised confidentially through the whistleblowing line.",
        ),
    ),
    (
        "Acceptable Use Policy", "company IT equipment",
        (
            "Company systems must not be used to access illegal or offensive material.",
            "Limited personal use is permitted outside working hours.",
            "Software may only be installed by the IT department.",
            "Email and internet use may be monitored in accordance with applicable law.",
        ),
    ),
)  # fmt: skip


def _policy_document(rng: random.Random) -> str:
    style = _date_style(rng)
    organisation = rng.choice(
        (
            _company(rng),
            f"{rng.choice(COMPANY_STEMS)} University",
            f"{_city(rng)[0]} City Council",
            f"{rng.choice(COMPANY_STEMS)} Health Trust",
        )
    )
    title, subject, statements = rng.choice(POLICY_TOPICS)
    version = f"{rng.randint(1, 6)}.{rng.randint(0, 9)}"
    out = [organisation, title.upper() if rng.random() < 0.5 else title, ""]
    control = [
        ["Version", version],
        ["Owner", f"{rng.choice(DEPARTMENTS)} Department"],
        [
            "Approved by",
            rng.choice(("Board of Directors", "Executive Committee", "Chief Operating Officer")),
        ],
        ["Effective date", _fmt(_day(rng), style)],
        ["Next review", _fmt(_day(rng), style)],
        ["Classification", rng.choice(("Internal", "Public", "Confidential"))],
    ]
    out.extend(_table(rng, rng.sample(control, rng.randint(3, 6))) + [""])
    sections = [
        (
            "Purpose",
            [
                f"This policy sets out the rules and responsibilities of {organisation} in "
                f"relation to {subject}.",
                rng.choice(
                    (
                        "It aims to protect the organisation, its staff and its customers.",
                        "It ensures that we meet our legal and regulatory obligations.",
                        "It explains what is expected of everyone who works for us.",
                    )
                ),
            ],
        ),
        (
            "Scope",
            [
                rng.choice(
                    (
                        "This policy applies to all employees, contractors, agency workers and "
                        f"volunteers of {organisation}.",
                        "This policy applies to all staff, in all locations, including those "
                        "working remotely.",
                    )
                ),
                rng.choice(
                    (
                        "It covers all activities related to " + subject + ".",
                        "Breaches may result in disciplinary action.",
                    )
                ),
            ],
        ),
        ("Policy statement", [*rng.sample(statements, rng.randint(2, len(statements)))]),
        (
            "Responsibilities",
            [
                "Managers are responsible for ensuring their teams understand and follow this "
                "policy.",
                f"The {rng.choice(DEPARTMENTS)} Department is responsible for maintaining this "
                "policy and providing guidance.",
                "All staff are responsible for complying with this policy and reporting concerns.",
            ],
        ),
        (
            "Compliance and monitoring",
            [
                rng.choice(
                    (
                        "Compliance with this policy will be monitored through regular audits.",
                        "Failure to comply may lead to disciplinary action, up to and including "
                        "dismissal.",
                    )
                ),
                "Exceptions must be approved in writing in advance.",
            ],
        ),
        (
            "Review",
            [
                f"This policy will be reviewed every {rng.choice(('12', '24', '36'))} months or "
                "sooner if legislation changes."
            ],
        ),
    ]
    if rng.random() < 0.5:
        sections.insert(
            2,
            (
                "Definitions",
                [
                    f'"Staff" means any person working for or on behalf of {organisation}.',
                    '"Manager" means a person with line management responsibility.',
                ],
            ),
        )
    numbered = rng.random() < 0.7
    for number, (heading, sentences) in enumerate(sections, 1):
        out.append(f"{number}. {heading}" if numbered else heading.upper())
        if rng.random() < 0.5 and len(sentences) > 1:
            out.extend(
                f"{number}.{index} {sentence}" for index, sentence in enumerate(sentences, 1)
            )
        else:
            out.extend(_prose(rng, [" ".join(sentences)]))
        out.append("")
    if rng.random() < 0.4:
        out.extend(
            [
                "Related documents",
                *_bullets(
                    rng,
                    rng.sample(
                        (
                            "Code of Conduct",
                            "Disciplinary Procedure",
                            "Records Retention Schedule",
                            "Whistleblowing Policy",
                            "Employee Handbook",
                        ),
                        3,
                    ),
                ),
            ]
        )
    return _finish(rng, out, header=f"{title}  v{version}", paginate=0.7)


NOTICE_KINDS = (
    (
        "NOTICE OF PROPOSED ROAD CLOSURE", "Road Traffic Regulation Act",
        (
            "{street} will be closed to all vehicles between {date} and {date2} to allow {works}.",
            "An alternative route will be signed via {street2}.",
            "Access for emergency vehicles and pedestrians will be maintained at all times.",
        ),
    ),
    (
        "PUBLIC NOTICE - PLANNING APPLICATION", "Town and Country Planning Act",
        (
            "An application has been made for {works} at {street}.",
            "The plans may be inspected at the Civic Centre during normal office hours or online "
            "using reference {ref}.",
            "Any representations must be made in writing by {date2}.",
        ),
    ),
    (
        "NOTICE OF ELECTION", "Representation of the People Act",
        (
            "An election is to be held for {count} councillors for the {ward} ward.",
            "Nomination papers must be delivered to the Returning Officer by 4 pm on {date}.",
            "If the election is contested, the poll will take place on {date2}.",
        ),
    ),
    (
        "REGULATION ON WATER USE RESTRICTIONS", "Water Resources Act",
        (
            "With effect from {date}, the use of hosepipes for watering gardens and washing "
            "vehicles is prohibited.",
            "The restriction applies to all domestic customers in the {ward} supply area.",
            "Persons contravening this order may be liable to a fine not exceeding level 3 on the "
            "standard scale.",
        ),
    ),
    (
        "NOTICE OF INTENTION TO MAKE AN ORDER", "Local Government Act",
        (
            "The Council proposes to make an order introducing {works} in {street}.",
            "A copy of the draft order and a statement of reasons may be inspected at the Council "
            "offices.",
            "Objections, stating the grounds, must be sent in writing by {date2}.",
        ),
    ),
    (
        "NOTICE OF AMENDED REGULATIONS", "Public Health Act",
        (
            "The amended regulations come into force on {date}.",
            "They require food businesses in the {ward} district to register with the authority "
            "within {count} days of opening.",
            "Guidance on compliance is available from the Environmental Health Service.",
        ),
    ),
)  # fmt: skip


def _government_notice(rng: random.Random) -> str:
    style = _date_style(rng)
    city = _city(rng)[0]
    authority = rng.choice(
        (
            f"{city} City Council",
            f"{city} Borough Council",
            "Ministry of Transport",
            "Department of the Environment",
            f"{city} Metropolitan District",
            "Regional Water Authority",
        )
    )
    title, act, sentences = rng.choice(NOTICE_KINDS)
    day = _day(rng)
    pools = {
        "street": [f"{rng.choice(STREET_NAMES)} {rng.choice(STREET_TYPES)}" for _ in range(3)],
        "street2": [f"{rng.choice(STREET_NAMES)} {rng.choice(STREET_TYPES)}"],
        "date": (_fmt(day, style),),
        "date2": (_fmt(day + dt.timedelta(days=rng.randint(14, 60)), style),),
        "works": (
            "resurfacing works",
            "a new residents' parking zone",
            "the construction of a two-storey extension",
            "a 20 mph speed limit",
            "replacement of water mains",
            "a change of use from office to residential",
        ),
        "ref": (_code(rng, "##/####/@@@"),),
        "count": tuple(str(n) for n in range(2, 31)),
        "ward": ("Northgate", "Riverside", "Hillcrest", "St Mary's", "Eastfield", "Old Town"),
    }
    out = [authority.upper(), "", title, ""]
    year = day.year
    out.append(rng.choice((f"{act} {rng.randint(1960, 2015)}, section {rng.randint(1, 120)}",
                           f"The {authority} ({rng.choice(STREET_NAMES)} Area) Order {year}",
                           f"Regulation No. {rng.randint(1, 400)}/{year}")))  # fmt: skip
    out.append("")
    paragraphs = [
        f"NOTICE IS HEREBY GIVEN that {authority} "
        + rng.choice(("has made", "proposes to make", "gives notice of"))
        + f" the above under powers conferred by the {act}."
    ]
    paragraphs += [_fill(rng, sentence, pools) for sentence in sentences]
    extras = [
        "Further information can be obtained from the {dept}, telephone {phone}.",
        "This notice is published in accordance with the statutory requirements.",
        "Any person who wishes to question the validity of the order may apply to the High Court "
        "within six weeks.",
        "A large-print version of this notice is available on request.",
        "Details are also available on the authority's website.",
    ]
    for extra in rng.sample(extras, rng.randint(1, 4)):
        paragraphs.append(
            _fill(
                rng,
                extra,
                {
                    "dept": (
                        "Highways Department",
                        "Planning Service",
                        "Electoral Services Office",
                        "Legal Services",
                    ),
                    "phone": (_phone(rng),),
                },
            )
        )
    if rng.random() < 0.5:
        paragraphs = [f"{index}. {text}" for index, text in enumerate(paragraphs, 1)]
    out.extend(_prose(rng, paragraphs))
    out.extend(
        [
            f"Dated: {_fmt(day - dt.timedelta(days=rng.randint(7, 30)), style)}",
            "",
            _person(rng),
            rng.choice(
                (
                    "Director of Legal Services",
                    "Chief Executive",
                    "Returning Officer",
                    "Head of Highways",
                    "Secretary of State",
                    "Proper Officer",
                )
            ),
            authority,
            *_address(rng, country=False),
        ]
    )
    return _finish(rng, out, paginate=0.3)


COURT_QUESTIONS = (
    "Where were you on the evening of {date}?", "How long have you known the defendant?",
    "What did you see when you arrived at the {place}?", "Did you speak to anyone at that time?",
    "Can you describe the vehicle?", "What time did you leave the {place}?",
    "Had you had anything to drink that evening?", "Who else was present?",
    "Did you sign the contract on that date?", "Were you aware of the payment terms?",
    "What happened next?", "Can you identify the document shown at tab {tab} of the bundle?",
    "Is that your signature?", "Why did you not report it at the time?",
    "How far away were you standing?", "Did the defendant say anything to you?",
)  # fmt: skip
COURT_ANSWERS = (
    "I was at home with my family.", "About five years, through work.",
    "I saw two men by the {place}.", "Yes, I called my sister straight away.",
    "It was a dark blue van, I think.", "Around half past ten.", "No, nothing at all.",
    "I don't recall exactly.", "Yes, that's my signature.", "I was worried about losing my job.",
    "Maybe ten or fifteen metres.", "He told me to mind my own business.", "I believe so, yes.",
    "I can't be sure.", "No. I only received the invoice later.",
    "The manager and two other staff members.",
)  # fmt: skip


def _court_transcript(rng: random.Random) -> str:
    style = _date_style(rng)
    court = rng.choice(
        (
            f"IN THE CROWN COURT AT {_city(rng)[0].upper()}",
            f"SUPERIOR COURT OF {_city(rng)[0].upper()}",
            "IN THE HIGH COURT OF JUSTICE",
            f"DISTRICT COURT, {_city(rng)[0].upper()} DIVISION",
            "UNITED STATES DISTRICT COURT",
        )
    )
    civil = rng.random() < 0.4
    first, second = (_company(rng), _person(rng)) if civil else ("THE STATE", _person(rng).upper())
    day = _day(rng)
    honorific = rng.choice(("HIS HONOUR JUDGE", "THE HONOURABLE", "HER HONOUR JUDGE", "JUSTICE"))
    judge = f"{honorific} {rng.choice(LAST_NAMES).upper()}"
    prosecutor, defence, witness = (_person(rng), _person(rng), _person(rng))
    out = [
        court,
        f"Case No. {_code(rng, rng.choice(('@@##-####', '#:##-cv-#####', 'T########')))}",
        "",
        first,
        rng.choice(("v.", "-v-", "versus")),
        second,
        "",
        rng.choice(("TRANSCRIPT OF PROCEEDINGS", "REPORTER'S TRANSCRIPT", "TRANSCRIPT OF HEARING")),
        f"{WEEKDAYS[day.weekday()]}, {_fmt(day, style)}",
        f"BEFORE: {judge}",
        "",
        "APPEARANCES:",
        f"For the {'Claimant' if civil else 'Prosecution'}: {prosecutor}",
        f"For the {'Defendant' if civil else 'Defence'}: {defence}",
        "",
    ]
    pools = {
        "date": (_fmt(day - dt.timedelta(days=rng.randint(30, 400)), style),),
        "place": ("warehouse", "car park", "bar", "office", "petrol station", "bus stop"),
        "tab": tuple(str(n) for n in range(1, 40)),
    }
    counsel = prosecutor.split()[-1].upper()
    title = rng.choice(("MR.", "MS.", "MRS."))
    lines = [
        "THE COURT: "
        + rng.choice(
            ("Please be seated.", "Good morning. Are we ready?", "Call your next witness.")
        ),
        f"{title} {counsel}: {rng.choice(('Thank you, Your Honour.', 'Yes, Your Honour.'))} I call "
        f"{witness}.",
        f"({witness.upper()}, having been duly sworn, testified as follows:)",
        "",
        "DIRECT EXAMINATION" if rng.random() < 0.5 else "EXAMINATION-IN-CHIEF",
    ]
    for _ in range(rng.randint(6, 30)):
        lines.append("Q. " + _fill(rng, rng.choice(COURT_QUESTIONS), pools))
        lines.append("A. " + _fill(rng, rng.choice(COURT_ANSWERS), pools))
        if rng.random() < 0.08:
            lines.append(
                f"{rng.choice(('MR.', 'MS.'))} {defence.split()[-1].upper()}: Objection, Your "
                f"Honour. {rng.choice(('Leading.', 'Hearsay.', 'Speculation.'))}"
            )
            lines.append(
                "THE COURT: "
                + rng.choice(("Sustained.", "Overruled. You may answer.", "Rephrase the question."))
            )
    lines.append(
        f"{title} {counsel}: "
        f"{rng.choice(('No further questions.', 'Nothing further, Your Honour.'))}"
    )
    lines.append(
        "THE COURT: "
        + rng.choice(("We will take a short recess.", "Cross-examination?", "You may step down."))
    )
    numbered = rng.random() < 0.5
    for index, line in enumerate(lines, 1):
        out.append(f"{index % 25 or 25:>2}  {line}" if numbered else line)
    if rng.random() < 0.4:
        out.extend(
            [
                "",
                "CERTIFICATE",
                f"I, {_person(rng)}, certify that the foregoing is a true and accurate transcript "
                "of the proceedings.",
                "Signed: ________________  Official Court Reporter",
            ]
        )
    return _finish(rng, out, header=f"{second} - {_fmt(day, style)}", paginate=0.8)


MEETING_ITEMS = (
    ("Apologies for absence", ("Apologies were received from {person} and {person2}.",)),
    (
        "Minutes of the previous meeting",
        (
            "The minutes of the meeting held on {date} were approved as a correct record.",
            "Matters arising: {person} confirmed that the action on {topic} had been completed.",
        ),
    ),
    (
        "Declarations of interest",
        (
            "{person} declared an interest in item {n} and took no part in the discussion.",
            "There were no declarations of interest.",
        ),
    ),
    (
        "Financial report",
        (
            "The Treasurer presented the accounts for the quarter, showing a surplus of {amount}.",
            "Members noted that spending on {topic} was above budget.",
            "The report was received and noted.",
        ),
    ),
    (
        "{topic}",
        (
            "{person} gave an update on {topic}.",
            "Members discussed the options and the associated risks.",
            "It was agreed that a detailed proposal would be brought to the next meeting.",
            "RESOLVED: that the committee approves expenditure of up to {amount} on {topic}.",
        ),
    ),
    (
        "{topic}",
        (
            "The committee considered a report on {topic}.",
            "Concerns were raised about the timetable and the consultation process.",
            "ACTION: {person} to circulate a revised plan by {date2}.",
        ),
    ),
    (
        "Chief Executive's report",
        (
            "The Chief Executive reported on recent activity, including progress on {topic}.",
            "Questions were taken from members.",
        ),
    ),
    (
        "Any other business",
        (
            "{person} raised the matter of {topic}; this will be added to the next agenda.",
            "There was no other business.",
        ),
    ),
    (
        "Date of next meeting",
        ("The next meeting will be held on {date2} at {time} in the {room}.",),
    ),
)  # fmt: skip
MEETING_TOPICS = (
    "the car park resurfacing", "the annual budget", "the staff survey results", "the new website",
    "the community grants scheme", "health and safety inspections", "the IT upgrade",
    "the risk register", "membership fees", "the summer festival", "the office relocation",
    "the procurement policy", "the school playground", "flood defences",
    "the library opening hours",
)  # fmt: skip


def _meeting_minutes(rng: random.Random) -> str:
    style = _date_style(rng)
    body = rng.choice(
        (
            f"Board of Directors of {_company(rng)}",
            f"{_city(rng)[0]} Town Council",
            f"{rng.choice(('Finance', 'Audit', 'Planning', 'Safety', 'Steering', 'Governance'))} "
            "Committee",
            f"{rng.choice(COMPANY_STEMS)} School Board of Governors",
            f"{rng.choice(COMPANY_STEMS)} Residents' Association",
        )
    )
    day = _day(rng)
    people = [_person(rng) for _ in range(rng.randint(4, 10))]
    pools = {
        "person": people,
        "person2": people,
        "date": (_fmt(day - dt.timedelta(days=rng.randint(20, 40)), style),),
        "date2": (_fmt(day + dt.timedelta(days=rng.randint(20, 40)), style),),
        "topic": MEETING_TOPICS,
        "amount": [_money(rng)(_amount(rng, 500, 90000))],
        "n": tuple(str(n) for n in range(3, 9)),
        "time": ("10:00", "18:30", "7.00 pm", "14:00"),
        "room": ("Council Chamber", "Board Room", "Committee Room 2", "main hall"),
    }
    agenda = rng.random() < 0.3
    out = [
        body,
        rng.choice(("AGENDA", "Agenda"))
        if agenda
        else rng.choice(("MINUTES", "Minutes of the Meeting", "Minutes")),
        f"{_fmt(day, style)} at {rng.choice(pools['time'])}, {rng.choice(pools['room'])}",
        "",
    ]
    items = [
        MEETING_ITEMS[0],
        MEETING_ITEMS[1],
        *rng.sample(MEETING_ITEMS[2:-1], rng.randint(2, 6)),
        MEETING_ITEMS[-1],
    ]
    if agenda:
        if rng.random() < 0.6:
            out.extend(
                [
                    "To: all members of the " + body.split(" of ")[0],
                    "You are summoned to attend the meeting for the transaction of the following "
                    "business.",
                    "",
                ]
            )
        rows = []
        for number, (heading, _) in enumerate(items, 1):
            rows.append(
                [
                    f"{number}.",
                    _fill(rng, heading, pools),
                    rng.choice(
                        (
                            "Chair",
                            people[0],
                            people[1],
                            "",
                            "Paper A",
                            "For decision",
                            "For information",
                        )
                    ),
                ]
            )
        out.extend(_table(rng, rows))
        out.extend(
            [
                "",
                f"{people[-1]}",
                rng.choice(("Clerk to the Council", "Company Secretary", "Secretary")),
                "",
            ]
        )
        notes = [
            "Members of the public are welcome to attend. Questions must be submitted two working "
            "days in advance.",
            "Papers for this meeting are available on request from the clerk.",
            "Members are reminded to declare any interests before the item concerned.",
            "The meeting may be recorded for the purposes of producing accurate minutes.",
            "Items marked confidential will be taken after the exclusion of the press and public.",
        ]
        _top_up(rng, out, notes, rng.randint(70, 110))
        return _finish(rng, out, paginate=0.2)
    chair = people[0]
    out.extend(
        [
            f"Present: {', '.join(people[:-2])}" + f" ({chair}, Chair)",
            f"In attendance: {people[-2]} ({rng.choice(('Clerk', 'Minute taker', 'Secretary'))})",
        ]
    )
    if rng.random() < 0.6:
        out.append(f"Apologies: {people[-1]}")
    out.append("")
    for number, (heading, sentences) in enumerate(items, 1):
        title = _fill(rng, heading, pools)
        out.append(f"{number}. {title.upper() if rng.random() < 0.3 else title}")
        chosen = [sentence for sentence in sentences if rng.random() < 0.8] or list(sentences[:1])
        out.extend(_prose(rng, [" ".join(_fill(rng, sentence, pools) for sentence in chosen)]))
    if rng.random() < 0.5:
        out.append("Action log")
        out.extend(
            _table(
                rng,
                [
                    ["Action", "Owner", "Due"],
                    *[
                        [
                            f"Follow up on {rng.choice(MEETING_TOPICS)}",
                            rng.choice(people),
                            _fmt(_day(rng), style),
                        ]
                        for _ in range(rng.randint(2, 5))
                    ],
                ],
            )
        )
    out.extend(
        [
            "",
            f"The meeting closed at {_clock(rng, 11, 21)}.",
            "",
            "Signed: ____________ (Chair)   Date: ________",
        ]
    )
    return _finish(rng, out, header=f"{body} - Minutes", paginate=0.6)


LAB_TESTS = (
    ("Haemoglobin", "g/L", 115, 175), ("White cell count", "x10^9/L", 4.0, 11.0),
    ("Platelets", "x10^9/L", 150, 400), ("Sodium", "mmol/L", 135, 145),
    ("Potassium", "mmol/L", 3.5, 5.3), ("Creatinine", "umol/L", 60, 110),
    ("eGFR", "mL/min/1.73m2", 60, 120), ("ALT", "U/L", 7, 56), ("Bilirubin", "umol/L", 3, 21),
    ("Glucose (fasting)", "mmol/L", 3.9, 5.6), ("HbA1c", "mmol/mol", 20, 42),
    ("Total cholesterol", "mmol/L", 3.0, 5.0), ("TSH", "mU/L", 0.4, 4.0),
    ("C-reactive protein", "mg/L", 0, 5), ("Ferritin", "ug/L", 30, 300),
    ("Vitamin D", "nmol/L", 50, 150),
)  # fmt: skip
CLINICAL_POOLS = {
    "complaint": (
        "chest pain", "shortness of breath", "abdominal pain", "persistent headache",
        "a fall at home", "fever and cough", "lower back pain",
    ),
    "duration": ("two days", "a week", "three weeks", "several months", "24 hours"),
    "history": (
        "hypertension", "type 2 diabetes", "asthma", "no significant past medical history",
        "hypothyroidism", "previous appendicectomy",
    ),
    "finding": (
        "chest clear on auscultation", "mild tenderness in the right lower quadrant",
        "blood pressure 142/88", "temperature 38.2 C", "heart sounds normal",
        "no focal neurological deficit", "oxygen saturation 96% on room air",
    ),
    "impression": (
        "musculoskeletal chest pain", "community-acquired pneumonia", "viral illness",
        "tension-type headache", "mechanical back pain", "uncomplicated urinary tract infection",
    ),
    "plan": (
        "oral antibiotics for five days", "simple analgesia and review in two weeks",
        "chest X-ray and blood tests", "referral to the physiotherapy service",
        "safety-netting advice given", "follow-up in the outpatient clinic in six weeks",
    ),
    "drug": (
        "Amoxicillin 500 mg three times daily", "Paracetamol 1 g four times daily as required",
        "Ramipril 5 mg once daily", "Metformin 500 mg twice daily",
        "Salbutamol inhaler 2 puffs as required", "Omeprazole 20 mg once daily",
    ),
}  # fmt: skip
CLINICAL_SENTENCES = (
    "The patient presented with {complaint} of {duration}' duration.",
    "There is a background of {history}.", "On examination: {finding}; {finding}.",
    "Observations were otherwise within normal limits.", "Impression: {impression}.",
    "Plan: {plan}.", "The patient was advised regarding {plan}.",
    "Symptoms have improved since the last review.", "Investigations showed no acute abnormality.",
)  # fmt: skip


def _medical_report(rng: random.Random) -> str:
    style = _date_style(rng)
    facility = rng.choice(
        (
            f"{_city(rng)[0]} General Hospital",
            f"{rng.choice(COMPANY_STEMS)} Medical Centre",
            f"{rng.choice(COMPANY_STEMS)} Pathology Laboratory",
            f"St {rng.choice(FIRST_NAMES)}'s Hospital",
            f"{rng.choice(COMPANY_STEMS)} Family Practice",
        )
    )
    patient = _person(rng)
    day = _day(rng)
    header = [
        ("Patient", patient.upper() if rng.random() < 0.5 else patient),
        ("DOB", _fmt(_day(rng, 1935, 2015), style)),
        (
            rng.choice(("MRN", "Hospital No", "NHS No", "Patient ID")),
            _code(rng, rng.choice(("### ### ####", "MRN#######", "@#######"))),
        ),
        ("Sex", rng.choice(("M", "F", "Female", "Male"))),
    ]
    out = [facility, *_address(rng, country=False)[:2], ""]
    if rng.random() < 0.55:
        out.insert(
            1,
            rng.choice(
                ("LABORATORY REPORT", "Clinical Biochemistry and Haematology", "Test Results")
            ),
        )
        out.extend(_table(rng, [[f"{label}:", value] for label, value in header]))
        out.extend(
            [
                f"Requested by: Dr {_person(rng)}",
                f"Collected: {_fmt(day, style)} {_clock(rng)}",
                f"Reported: {_fmt(day + dt.timedelta(days=rng.randint(0, 3)), style)}",
                f"Specimen: {rng.choice(('Blood', 'Serum', 'Plasma', 'Whole blood EDTA'))}   Lab "
                f"No: {_code(rng, '##@######')}",
                "",
            ]
        )
        rows = [["Test", "Result", "Units", "Reference range", "Flag"]]
        for name, unit, low, high in rng.sample(LAB_TESTS, rng.randint(4, 14)):
            value = rng.uniform(low * 0.7, high * 1.3)
            flag = "H" if value > high else "L" if value < low else ""
            rows.append([name, f"{value:.1f}", unit, f"{low:g} - {high:g}", flag])
        out.extend(_table(rng, rows) + [""])
        out.append(
            rng.choice(
                (
                    "Comment: results reviewed; please correlate clinically.",
                    "Comment: mildly abnormal values, suggest repeat in 3 months.",
                    "Haemolysed sample - potassium may be falsely elevated.",
                    "Authorised by: consultant biochemist",
                )
            )
        )
        return _finish(rng, out, paginate=0.4)
    out.insert(
        1,
        rng.choice(
            (
                "DISCHARGE SUMMARY",
                "Clinic Letter",
                "MEDICAL REPORT",
                "Outpatient Consultation",
                "Consultation Note",
            )
        ),
    )
    out.extend(f"{label}: {value}" for label, value in header)
    out.extend(
        [
            f"Date of {rng.choice(('admission', 'consultation', 'visit'))}: {_fmt(day, style)}",
            f"Consultant: Dr {_person(rng)}, "
            + rng.choice(("Cardiology", "General Medicine", "Orthopaedics", "General Practice")),
            "",
        ]
    )
    sections = [
        ("Presenting complaint", 1, 2),
        ("History", 1, 3),
        ("Examination", 1, 2),
        ("Investigations", 1, 2),
        ("Diagnosis", 1, 1),
        ("Plan", 1, 3),
    ]
    for heading, low, high in sections:
        if heading in ("Investigations", "History") and rng.random() < 0.3:
            continue
        out.append(heading.upper() if rng.random() < 0.4 else heading + ":")
        out.extend(_prose(rng, [_paragraph(rng, CLINICAL_SENTENCES, CLINICAL_POOLS, low, high)]))
    out.append(rng.choice(("Medications on discharge:", "Current medication:", "Medication")))
    out.extend(_bullets(rng, rng.sample(CLINICAL_POOLS["drug"], rng.randint(1, 4))))
    out.extend(
        [
            "",
            f"Allergies: {rng.choice(('NKDA', 'Penicillin (rash)', 'None known', 'Latex'))}",
            "",
            f"Dr {_person(rng)}",
            rng.choice(
                (
                    "Specialty Registrar",
                    "Consultant Physician",
                    "General Practitioner",
                    "Foundation Doctor",
                )
            ),
            f"cc: {rng.choice(('GP', 'Patient', 'Referring clinician'))}",
        ]
    )
    return _finish(rng, out, paginate=0.4)


# ---------------------------------------------------------------------------------------------
# Correspondence and communications

WORK_POOLS = {
    "topic": (
        "the quarterly budget review",
        "the new expense system",
        "the office move",
        "the customer survey results",
        "the product launch timeline",
        "the holiday rota",
        "the supplier contract renewal",
        "the system upgrade this weekend",
        "the audit findings",
        "the hiring plan",
        "parking arrangements",
        "the training programme",
        "the Q3 sales figures",
    ),
    "day": WEEKDAYS[:5],
    "dept": DEPARTMENTS,
    "deadline": (
        "by the end of the week",
        "by Friday",
        "before the next board meeting",
        "by close of business tomorrow",
        "within ten working days",
    ),
    "action": (
        "review the attached document",
        "confirm your attendance",
        "send me your comments",
        "update your timesheets",
        "complete the online training",
        "submit your figures",
        "book a slot in the calendar",
        "share this with your team",
    ),
    "reason": (
        "to keep costs under control",
        "following feedback from staff",
        "to comply with new regulations",
        "because of the increase in demand",
        "to improve response times",
        "as agreed at the last meeting",
    ),
    "thing": (
        "the draft report",
        "the revised schedule",
        "the updated price list",
        "the meeting notes",
        "the proposal",
        "the invoice",
    ),
}
WORK_SENTENCES = (
    "I am writing to let you know about {topic}.",
    "As you may be aware, we have been reviewing {topic} {reason}.", "Please {action} {deadline}.",
    "The {dept} team will be in touch with further details.",
    "From {day}, the new arrangements will apply to all staff.",
    "I have attached {thing} for your information.",
    "If you have any questions, please do not hesitate to contact me.",
    "Thank you for your patience while we sort this out.",
    "We will discuss {topic} at the next team meeting on {day}.",
    "Could you also {action} {deadline}?", "The changes are being made {reason}.",
    "I would be grateful if you could {action}.",
    "There will be a short briefing on {day} for anyone who would like to know more.",
    "Many thanks for your help with {topic}.",
    "Please note that {thing} is still a draft and should not be shared outside the {dept} "
    "department.",
    "Following our conversation on {day}, I have updated {thing}.",
    "Let me know if {day} works for a quick call.",
)  # fmt: skip


def _memo(rng: random.Random) -> str:
    style = _date_style(rng)
    organisation = _company(rng)
    topic = rng.choice(WORK_POOLS["topic"])
    pools = {**WORK_POOLS, "topic": (topic,)}
    fields = [
        (
            "To",
            rng.choice(
                (
                    "All staff",
                    f"{rng.choice(DEPARTMENTS)} team",
                    _person(rng),
                    "Department heads",
                    "All managers",
                )
            ),
        ),
        ("From", f"{_person(rng)}, {rng.choice(JOB_TITLES)}"),
        ("Date", _fmt(_day(rng), style)),
        ("Subject", topic[0].upper() + topic[1:] if rng.random() < 0.6 else topic.upper()),
    ]
    if rng.random() < 0.4:
        fields.insert(2, ("CC", _person(rng)))
    out = [organisation] if rng.random() < 0.6 else []
    out.extend([rng.choice(("MEMORANDUM", "Memo", "INTERNAL MEMO", "Internal Memorandum")), ""])
    label = rng.choice(("{0}:", "{0}:", "{0}", "{0}".upper() + ":"))
    out.extend(_table(rng, [[label.format(name), value] for name, value in fields]))
    out.extend(["", "_" * rng.randint(20, 60) if rng.random() < 0.5 else "", ""])
    paragraphs = [_paragraph(rng, WORK_SENTENCES, pools, 2, 5) for _ in range(rng.randint(1, 5))]
    while _words(paragraphs) < 50:
        paragraphs.append(_paragraph(rng, WORK_SENTENCES, pools, 1, 3))
    out.extend(_prose(rng, paragraphs))
    if rng.random() < 0.4:
        out.append(rng.choice(("Action required:", "Next steps:", "Key points:")))
        out.extend(
            _bullets(
                rng, [_fill(rng, "{action} {deadline}", pools) for _ in range(rng.randint(2, 4))]
            )
        )
    if rng.random() < 0.3:
        out.extend(["", f"Attachment: {rng.choice(WORK_POOLS['thing'])}"])
    return _finish(rng, out, paginate=0.2)


def _email(rng: random.Random) -> str:
    company = _company(rng)
    domain = _domain(rng, company)
    sender, recipient = _person(rng), _person(rng)
    day = _day(rng)
    topic = rng.choice(WORK_POOLS["topic"])
    pools = {**WORK_POOLS, "topic": (topic,)}
    subject = rng.choice(("", "RE: ", "Re: ", "FW: ", "Fwd: ")) + (topic[0].upper() + topic[1:])
    when = rng.choice(
        (
            f"{WEEKDAYS[day.weekday()][:3]}, {day.day} {MONTHS[day.month - 1][:3]} {day.year} "
            f"{_clock(rng)}",
            f"{WEEKDAYS[day.weekday()]}, {MONTHS[day.month - 1]} {day.day}, {day.year} "
            f"{rng.randint(1, 12)}:{rng.randint(0, 59):02d} {rng.choice(('AM', 'PM'))}",
        )
    )
    out = [
        f"From: {sender} <{_email_address(rng, sender, domain)}>",
        f"Sent: {when}" if rng.random() < 0.5 else f"Date: {when}",
        f"To: {recipient} "
        f"<{_email_address(rng, recipient, rng.choice((domain, _domain(rng, _company(rng)))))}>",
    ]
    if rng.random() < 0.4:
        other = _person(rng)
        out.append(f"Cc: {other} <{_email_address(rng, other, domain)}>")
    out.append(f"Subject: {subject}")
    if rng.random() < 0.3:
        out.append(
            "Attachments: "
            f"{rng.choice(('report.pdf', 'schedule_v2.xlsx', 'notes.docx', 'invoice_4471.pdf'))}"
        )
    out.append("")
    out.append(
        rng.choice(
            (
                f"Hi {recipient.split()[0]},",
                f"Dear {recipient.split()[0]},",
                f"Hello {recipient.split()[0]},",
                "Hi all,",
                "Good morning,",
            )
        )
    )
    out.append("")
    paragraphs = [_paragraph(rng, WORK_SENTENCES, pools, 1, 4) for _ in range(rng.randint(1, 4))]
    while _words(paragraphs) < 45:
        paragraphs.append(_paragraph(rng, WORK_SENTENCES, pools, 1, 3))
    out.extend(_prose(rng, paragraphs, width=0))
    out.extend(
        [
            rng.choice(("Best regards,", "Thanks,", "Kind regards,", "Cheers,", "Many thanks,")),
            sender.split()[0] if rng.random() < 0.4 else sender,
        ]
    )
    if rng.random() < 0.6:
        out.extend([rng.choice(JOB_TITLES), company, f"T: {_phone(rng)}"])
    if rng.random() < 0.4:
        earlier = _person(rng)
        out.extend(
            [
                "",
                f"On {_fmt(day - dt.timedelta(days=rng.randint(0, 5)), '{d} {b} {Y}')}, {earlier} "
                "wrote:"
                if rng.random() < 0.5
                else "-----Original Message-----",
                *[f"> {line}" for line in _wrap(_paragraph(rng, WORK_SENTENCES, pools, 2, 4), 72)],
            ]
        )
    if rng.random() < 0.3:
        out.extend(
            [
                "",
                "This email and any attachments are confidential and intended solely for the "
                "addressee. If you have received it in error, please notify the sender and delete "
                "it.",
            ]
        )
    return _finish(rng, out, paginate=0.1)


LETTER_SUBJECTS = (
    (
        "your order {ref}",
        (
            "Thank you for your order {ref}, received on {date}.",
            "Unfortunately, one of the items is temporarily out of stock and will be dispatched "
            "separately.",
            "We expect the remaining goods to arrive within ten working days.",
            "We apologise for any inconvenience this may cause.",
        ),
    ),
    (
        "your complaint reference {ref}",
        (
            "Thank you for your letter of {date} regarding the service you received.",
            "I am sorry to learn of your experience.",
            "We have investigated the matter thoroughly and spoken to the staff involved.",
            "As a gesture of goodwill, we have credited {amount} to your account.",
            "If you remain dissatisfied, you may refer the matter to the independent ombudsman.",
        ),
    ),
    (
        "price increase from {date}",
        (
            "We are writing to inform you of a change to our prices.",
            "Due to rising material and transport costs, our prices will increase by {pct}% from "
            "{date}.",
            "Orders placed before that date will be invoiced at the current prices.",
            "We value our partnership and have kept the increase to a minimum.",
        ),
    ),
    (
        "overdue account {ref}",
        (
            "Our records show that invoice {ref} for {amount} remains unpaid.",
            "Payment was due on {date}.",
            "We would be grateful if you would settle the outstanding balance within seven days.",
            "If payment has already been made, please disregard this letter.",
            "Failing payment, we may have no option but to suspend your account.",
        ),
    ),
    (
        "proposed partnership",
        (
            "Following our meeting on {date}, I am pleased to set out our proposal.",
            "We believe that a partnership would benefit both our organisations.",
            "We propose an initial pilot of six months, reviewed at the end of the period.",
            "I enclose a summary of the key terms for your consideration.",
        ),
    ),
    (
        "confirmation of appointment",
        (
            "I am pleased to confirm our agreement to appoint your firm as auditors for the year "
            "ending {date}.",
            "The scope of work and fees are set out in the enclosed engagement letter.",
            "Please sign and return a copy to indicate your acceptance.",
        ),
    ),
    (
        "change of address",
        (
            "Please note that from {date} our offices will move to the address shown above.",
            "Our telephone numbers and email addresses will not change.",
            "Please update your records accordingly.",
            "We look forward to welcoming you to our new premises.",
        ),
    ),
)  # fmt: skip


def _letterhead(rng: random.Random, company: str) -> list[str]:
    lines = [company.upper() if rng.random() < 0.4 else company, *_address(rng)]
    extras = [
        f"Tel: {_phone(rng)}",
        f"www.{_domain(rng, company)}",
        f"Company No. {_code(rng, '########')}",
    ]
    return lines + rng.sample(extras, rng.randint(0, 3))


def _business_letter(rng: random.Random) -> str:
    money, style = _money(rng), _date_style(rng)
    company = _company(rng)
    recipient = _person(rng, title=True)
    subject, sentences = rng.choice(LETTER_SUBJECTS)
    day = _day(rng)
    pools = {
        "ref": (_code(rng, rng.choice(("#####", "@@/####", "INV-####"))),),
        "date": (_fmt(day - dt.timedelta(days=rng.randint(5, 40)), style),),
        "amount": (money(_amount(rng, 20, 5000)),),
        "pct": tuple(str(n) for n in range(3, 12)),
    }
    out = [*_letterhead(rng, company), ""]
    recipient_block = [
        recipient,
        *([rng.choice(JOB_TITLES)] if rng.random() < 0.4 else []),
        *([_company(rng)] if rng.random() < 0.6 else []),
        *_address(rng),
    ]
    blocks = [recipient_block, [_fmt(day, style)]]
    if rng.random() < 0.5:
        blocks.reverse()
    for block in blocks:
        out.extend([*block, ""])
    if rng.random() < 0.5:
        out.append(
            f"Our ref: {_code(rng, '@@/@@/###')}"
            + (f"   Your ref: {_code(rng, '####')}" if rng.random() < 0.5 else "")
        )
    out.append(
        rng.choice(("Dear {0},", "Dear {0}", "Dear Sir or Madam,")).format(
            recipient.split(" ", 1)[0] + " " + recipient.split()[-1]
        )
    )
    out.extend(
        ["", ("Re: " if rng.random() < 0.6 else "") + _fill(rng, subject, pools).upper(), ""]
    )
    body = [_fill(rng, sentence, pools) for sentence in sentences]
    extra = _sentences(rng, WORK_SENTENCES[5:], {**WORK_POOLS}, rng.randint(0, 4))
    paragraphs = [" ".join(body[:2]), " ".join(body[2:]), *([" ".join(extra)] if extra else [])]
    out.extend(_prose(rng, [paragraph for paragraph in paragraphs if paragraph]))
    out.append(
        rng.choice(
            (
                "I look forward to hearing from you.",
                "Thank you for your continued custom.",
                "Please contact me if you need any further information.",
            )
        )
    )
    out.extend(
        [
            "",
            rng.choice(("Yours sincerely,", "Yours faithfully,", "Kind regards,", "Sincerely,")),
            "",
            "",
            _person(rng),
            rng.choice(JOB_TITLES),
        ]
    )
    if rng.random() < 0.4:
        out.append(
            rng.choice(
                (
                    "Enc.",
                    "Enclosure: engagement letter",
                    "cc: Accounts Department",
                    "Encl: statement of account",
                )
            )
        )
    return _finish(rng, out, paginate=0.2)


COVER_POOLS = {
    "skill": (
        "stakeholder management",
        "financial modelling",
        "customer service",
        "team leadership",
        "data analysis",
        "project delivery",
        "budget management",
        "written communication",
        "problem solving",
        "process improvement",
    ),
    "achievement": (
        "reduced processing time by 30%",
        "led a team of eight through a major system migration",
        "grew regional sales by 18%",
        "introduced a new onboarding process",
        "won the company's annual service award",
        "cut supplier costs by {pct}%",
        "delivered a {amount} project on time and under budget",
    ),
    "quality": (
        "organised",
        "adaptable",
        "detail-oriented",
        "motivated",
        "collaborative",
        "resilient",
    ),
    "reason": (
        "your commitment to sustainability",
        "your reputation for innovation",
        "the chance to work with a growing team",
        "your focus on customers",
        "the opportunity to develop my career",
    ),
    "site": (
        "your website",
        "LinkedIn",
        "a recruitment agency",
        "the local newspaper",
        "a careers fair",
    ),
    "pct": tuple(str(n) for n in range(8, 40)),
    "amount": ("$2 million", "£400,000", "€1.5 million", "six-figure"),
}
COVER_SENTENCES = (
    "In my current role as {job} at {employer}, I have {achievement}.",
    "I have developed strong skills in {skill} and {skill}.",
    "I am particularly drawn to {company} because of {reason}.",
    "My colleagues would describe me as {quality} and {quality}.",
    "I have {years} years of experience in {skill}.", "Previously, at {employer}, I {achievement}.",
    "I believe my experience in {skill} would allow me to contribute from day one.",
    "I am confident that I would be a valuable addition to your team.",
    "I enjoy working in a fast-paced environment and I am always keen to learn.",
    "Alongside my work, I completed a professional qualification in {skill}.",
)  # fmt: skip


def _cover_letter(rng: random.Random) -> str:
    style = _date_style(rng)
    applicant, company, job = _person(rng), _company(rng), rng.choice(JOB_TITLES)
    pools = {
        **COVER_POOLS,
        "job": (rng.choice(JOB_TITLES),),
        "employer": (_company(rng),),
        "company": (company,),
        "years": tuple(str(n) for n in range(2, 20)),
    }
    pools["achievement"] = tuple(_fill(rng, text, pools) for text in COVER_POOLS["achievement"])
    out = [
        applicant,
        *_address(rng, country=False),
        _email_address(rng, applicant, "mail.com"),
        _phone(rng),
        "",
        _fmt(_day(rng), style),
        "",
    ]
    manager = rng.choice(
        (
            "Hiring Manager",
            f"{rng.choice(TITLES)} {rng.choice(LAST_NAMES)}",
            "Recruitment Team",
            "HR Department",
        )
    )
    out.extend([manager, company, *_address(rng), ""])
    if rng.random() < 0.5:
        out.extend(
            [
                f"Re: Application for the position of {job}"
                + (f" (ref. {_code(rng, '@@###')})" if rng.random() < 0.5 else ""),
                "",
            ]
        )
    out.append(f"Dear {manager},")
    paragraphs = [
        f"I am writing to apply for the position of {job} "
        + _fill(rng, "advertised on {site}.", pools)
        + " "
        + rng.choice(
            (
                "I believe my background makes me a strong candidate for this role.",
                "I was delighted to see this opportunity.",
                "I have followed your company's work for some time.",
            )
        )
    ]
    paragraphs += [_paragraph(rng, COVER_SENTENCES, pools, 2, 4) for _ in range(rng.randint(1, 3))]
    paragraphs.append(
        rng.choice(
            (
                "I have enclosed my CV and would welcome the opportunity to discuss my application "
                "in more detail at an interview.",
                "Thank you for considering my application. I look forward to hearing from you.",
                "Please find my resume attached. I am available for interview at your convenience.",
            )
        )
    )
    out.extend(_prose(rng, paragraphs))
    out.extend(
        [
            rng.choice(("Yours sincerely,", "Kind regards,", "Sincerely,", "Yours faithfully,")),
            "",
            applicant,
        ]
    )
    return _finish(rng, out, paginate=0.0)


PRESS_SENTENCES = (
    "{company} today announced {news}.", "The move is expected to {benefit}.", "{quote}",
    "The announcement follows {context}.",
    "{company} employs more than {staff} people across {countries} countries.",
    "The company said {news} would be rolled out from {month}.",
    "Analysts welcomed the news, noting {context}.",
    "Further details will be shared at the company's investor day in {month}.",
)  # fmt: skip
PRESS_POOLS = {
    "news": (
        "the opening of a new distribution centre",
        "a strategic partnership with a leading retailer",
        "the launch of its first electric delivery fleet",
        "the appointment of a new Chief Executive",
        "record quarterly revenue",
        "the acquisition of a regional competitor",
        "a new app for small business customers",
        "a $40 million investment in research",
        "a scholarship programme for engineering students",
    ),
    "benefit": (
        "create around 200 new jobs",
        "cut delivery times by half",
        "reduce carbon emissions significantly",
        "bring faster service to customers",
        "strengthen the company's position in Europe",
        "support local suppliers",
    ),
    "context": (
        "a year of strong growth",
        "increasing demand from customers",
        "a successful pilot last year",
        "the company's recent expansion into Asia",
        "growing pressure to decarbonise supply chains",
    ),
    "staff": ("500", "1,200", "3,000", "12,000", "40,000"),
    "countries": ("3", "8", "15", "27", "40"),
    "month": MONTHS,
}


def _press_release(rng: random.Random) -> str:
    style = _date_style(rng)
    company = _company(rng)
    ceo = _person(rng)
    pools = {
        **PRESS_POOLS,
        "company": (company,),
        "quote": (
            f'"We are delighted to take this step," said {ceo}, '
            f"{rng.choice(('Chief Executive Officer', 'CEO', 'Managing Director', 'President'))} "
            f"of {company}.",
            f'"This is an important milestone for our customers and our people," said {ceo}.',
            f'"Our teams have worked hard to make this possible," {ceo} added. "We are excited '
            'about what comes next."',
        ),
    }
    news = rng.choice(PRESS_POOLS["news"])
    pools["news"] = (news,)
    out = [
        rng.choice(("FOR IMMEDIATE RELEASE", "PRESS RELEASE", "News Release", "MEDIA RELEASE")),
        "",
    ]
    if rng.random() < 0.3:
        out.insert(0, company)
    out.extend(
        [
            f"{company} announces {news}".upper()
            if rng.random() < 0.4
            else f"{company} Announces {news.title()}",
            "",
        ]
    )
    if rng.random() < 0.5:
        out.extend(
            [
                rng.choice(
                    (
                        "New facility will serve customers across the region",
                        "Investment underlines long-term commitment",
                        "Partnership to bring benefits to customers from next year",
                    )
                ),
                "",
            ]
        )
    dateline = f"{_city(rng)[0].upper()}, {_fmt(_day(rng), style)} -- "
    paragraphs = [
        dateline + _paragraph(rng, PRESS_SENTENCES[:2] + PRESS_SENTENCES[3:4], pools, 2, 3)
    ]
    paragraphs += [_paragraph(rng, PRESS_SENTENCES, pools, 2, 4) for _ in range(rng.randint(1, 4))]
    out.extend(_prose(rng, paragraphs))
    out.extend(
        [
            f"About {company}",
            _fill(
                rng,
                "{company} is a leading provider of "
                + rng.choice(
                    ("logistics", "software", "engineering", "food", "healthcare", "energy")
                )
                + " services, employing more than {staff} people in {countries} countries.",
                pools,
            )
            + f" For more information, visit www.{_domain(rng, company)}.",
            "",
        ]
    )
    contact = _person(rng)
    out.extend(
        [
            "Media contact:" if rng.random() < 0.5 else "Press enquiries:",
            contact,
            rng.choice(("Communications Manager", "Head of PR", "Press Officer")),
            _email_address(rng, contact, _domain(rng, company)),
            _phone(rng),
            "",
            "###" if rng.random() < 0.6 else "- ENDS -",
        ]
    )
    return _finish(rng, out, paginate=0.2)


JOB_DUTIES = (
    "Manage day-to-day operations and a team of {n} staff",
    "Prepare monthly reports for senior management",
    "Build strong relationships with customers and suppliers",
    "Develop and maintain software components", "Analyse data to identify trends and opportunities",
    "Ensure compliance with health and safety regulations",
    "Coordinate projects from planning to delivery", "Handle customer enquiries by phone and email",
    "Maintain accurate records and documentation", "Support the annual budgeting process",
    "Train and mentor junior colleagues", "Contribute to continuous improvement initiatives",
)  # fmt: skip
JOB_REQUIREMENTS = (
    "A degree in a relevant subject or equivalent experience",
    "At least {n} years' experience in a similar role",
    "Excellent written and verbal communication skills",
    "Strong IT skills, including Microsoft Excel", "A full driving licence",
    "Experience with Python or SQL", "A professional qualification (e.g. ACCA, CIPS, PMP)",
    "The ability to prioritise and work to deadlines", "A positive, flexible attitude",
    "Right to work in the country",
)  # fmt: skip
JOB_BENEFITS = (
    "25 days' annual leave plus public holidays", "Pension scheme with employer contributions",
    "Private health insurance", "Hybrid working", "Cycle to work scheme", "Annual bonus",
    "Free parking", "Training and development budget", "Employee assistance programme",
    "Flexible hours", "Company car or allowance",
)  # fmt: skip


def _job_advertisement(rng: random.Random) -> str:
    money, style = _money(rng), _date_style(rng)
    company, job = _company(rng), rng.choice(JOB_TITLES)
    city = _city(rng)[0]
    low = rng.randrange(22, 90) * 1000
    pools = {"n": tuple(str(n) for n in range(2, 12))}
    out = [job.upper() if rng.random() < 0.5 else job, company, ""]
    facts = [
        ("Location", f"{city}{rng.choice(('', ' (hybrid)', ' / remote', ' - on site'))}"),
        (
            "Salary",
            f"{money(low)} - {money(low + rng.randrange(3, 20) * 1000)} per annum"
            if rng.random() < 0.8
            else "Competitive",
        ),
        (
            "Contract",
            rng.choice(
                (
                    "Permanent, full-time",
                    "Fixed term, 12 months",
                    "Part-time, 3 days per week",
                    "Full-time",
                )
            ),
        ),
        ("Closing date", _fmt(_day(rng), style)),
        ("Reference", _code(rng, "@@-####")),
    ]
    out.extend(f"{label}: {value}" for label, value in rng.sample(facts, rng.randint(3, 5)))
    out.append("")
    about = _fill(
        rng,
        "{company} is "
        + rng.choice(("a fast-growing", "an established", "an award-winning", "a family-owned"))
        + " "
        + rng.choice(
            (
                "provider of logistics services",
                "software business",
                "engineering firm",
                "healthcare organisation",
                "retailer",
                "charity",
            )
        )
        + " based in "
        + city
        + ". "
        + rng.choice(
            (
                "We are looking for a talented {job} to join our friendly team.",
                "We are seeking an experienced {job} to help us grow.",
                "An exciting opportunity has arisen for a {job} to join us.",
            )
        ),
        {"company": (company,), "job": (job,)},
    )
    sections = [
        ("About us", [about], False),
        (
            "The role",
            [_fill(rng, item, pools) for item in rng.sample(JOB_DUTIES, rng.randint(3, 7))],
            True,
        ),
        (
            "About you",
            [_fill(rng, item, pools) for item in rng.sample(JOB_REQUIREMENTS, rng.randint(3, 6))],
            True,
        ),
    ]
    if rng.random() < 0.8:
        sections.append(
            (
                rng.choice(("What we offer", "Benefits", "In return")),
                rng.sample(JOB_BENEFITS, rng.randint(3, 6)),
                True,
            )
        )
    for heading, items, bulleted in sections:
        out.append(heading.upper() if rng.random() < 0.3 else heading)
        out.extend(_bullets(rng, items) if bulleted else _prose(rng, items))
        out.append("")
    out.append(
        rng.choice(
            (
                f"To apply, send your CV and a covering letter to careers@{_domain(rng, company)}.",
                f"Apply online at www.{_domain(rng, company)}/careers quoting the reference above.",
                "Click 'Apply' to submit your application. Interviews will be held on a rolling "
                "basis.",
            )
        )
    )
    if rng.random() < 0.5:
        out.append(
            f"{company} is an equal opportunities employer and welcomes applications from all "
            "sections of the community."
        )
    return _finish(rng, out, paginate=0.1)


BROCHURE_OFFERINGS = (
    (
        "spa and wellness retreat",
        ("massage treatments", "a heated indoor pool", "yoga classes", "a relaxing sauna"),
    ),
    (
        "home solar installation",
        ("free site survey", "25-year panel warranty", "battery storage", "lower energy bills"),
    ),
    (
        "accounting software for small businesses",
        ("automatic bank feeds", "invoicing in seconds", "tax-ready reports", "a free mobile app"),
    ),
    (
        "guided walking holidays",
        ("small groups", "expert local guides", "luggage transfers", "hand-picked country inns"),
    ),
    (
        "fitness club membership",
        (
            "state-of-the-art equipment", "over 60 classes a week", "personal training",
            "a family-friendly pool",
        ),
    ),
    (
        "garden design and landscaping",
        ("planting plans", "patios and decking", "water features", "year-round maintenance"),
    ),
    (
        "language school courses",
        (
            "native-speaker teachers", "small classes", "online and in-person lessons",
            "exam preparation",
        ),
    ),
    (
        "office cleaning services",
        (
            "trained and vetted staff", "eco-friendly products", "flexible schedules",
            "no long contracts",
        ),
    ),
)  # fmt: skip
BROCHURE_SENTENCES = (
    "Discover the difference with {brand}.",
    "Whether you are {audience}, we have the perfect option for you.",
    "Our {offering} is designed around you.",
    "Enjoy {feature} and {feature2}, all at a price that won't break the bank.",
    "Thousands of happy customers can't be wrong.",
    "Book before the end of {month} and save {pct}%.",
    "We have been trusted by customers for over {years} years.",
    "Experience {feature} like never before.", "It's never been easier to get started.",
    "Your satisfaction is our promise.",
)  # fmt: skip


TESTIMONIALS = (
    "Absolutely brilliant service from start to finish.", "I would recommend them to anyone.",
    "Friendly, professional and great value.", "The best decision we made this year.",
    "They went above and beyond for us.", "Five stars - we will definitely be back.",
)  # fmt: skip


def _brochure(rng: random.Random) -> str:
    money = _money(rng)
    brand = rng.choice(COMPANY_STEMS) + rng.choice(
        ("", " Living", " Pro", " & Co", " Studio", " Plus")
    )
    offering, features = rng.choice(BROCHURE_OFFERINGS)
    pools = {
        "brand": (brand,),
        "offering": (offering,),
        "feature": features,
        "feature2": features,
        "month": MONTHS,
        "pct": ("10", "15", "20", "25"),
        "years": tuple(str(n) for n in range(5, 60)),
        "audience": (
            "a busy professional",
            "a growing family",
            "just starting out",
            "a first-time customer",
            "a small business",
        ),
    }
    out = [
        brand.upper(),
        rng.choice(
            (
                f"Your {offering}, made simple",
                f"The smarter choice for {offering}",
                f"Welcome to {brand}",
                "Feel the difference",
                "Quality you can trust",
            )
        ),
        "",
    ]
    sections: list[list[str]] = [_prose(rng, [_paragraph(rng, BROCHURE_SENTENCES, pools, 2, 4)])]
    sections.append(
        [
            rng.choice(("Why choose us?", "What you get", "Benefits at a glance", "Features")),
            *_bullets(
                rng,
                [
                    feature[0].upper() + feature[1:]
                    for feature in rng.sample(features, rng.randint(2, len(features)))
                ],
            ),
        ]
    )
    if rng.random() < 0.7:
        plans = [
            [
                name,
                money(_amount(rng, 9, 900)),
                rng.choice(("per month", "per person", "one-off", "per year")),
            ]
            for name in rng.sample(
                ("Essential", "Standard", "Premium", "Family", "Business", "Starter"),
                rng.randint(2, 4),
            )
        ]
        sections.append(
            [rng.choice(("Prices", "Our packages", "Plans and pricing")), *_table(rng, plans)]
        )
    for _ in range(rng.randint(0, 2)):
        sections.append(
            [
                f'"{rng.choice(TESTIMONIALS)}"',
                f"- {rng.choice(FIRST_NAMES)} {rng.choice(string.ascii_uppercase)}., "
                f"{_city(rng)[0]}",
            ]
        )
    if rng.random() < 0.6:
        sections.append(_prose(rng, [_paragraph(rng, BROCHURE_SENTENCES, pools, 2, 4)]))
    while _words([line for section in sections for line in section]) < 60:
        sections.append(_prose(rng, [_paragraph(rng, BROCHURE_SENTENCES, pools, 2, 4)]))
    rng.shuffle(sections)
    for section in sections:
        out.extend([*section, ""])
    out.extend(
        [
            rng.choice(("Call us today", "Get in touch", "Book now", "Contact us")),
            f"{_phone(rng)}  |  www.{_domain(rng, brand)}",
            *(_address(rng, country=False) if rng.random() < 0.5 else []),
        ]
    )
    if rng.random() < 0.4:
        out.append("Terms and conditions apply. Offer subject to availability.")
    return _finish(rng, out, paginate=0.0)


RESUME_BULLETS = (
    "Managed a budget of {amount} across {n} projects", "Led a team of {n} to deliver {project}",
    "Improved {process} efficiency by {pct}%", "Implemented {project}, adopted by {n} departments",
    "Handled up to {n}0 customer enquiries per day",
    "Prepared monthly management accounts and forecasts",
    "Negotiated contracts with key suppliers, saving {amount} per year",
    "Designed and delivered training for new starters",
    "Developed reporting dashboards used by senior leadership",
    "Ensured compliance with regulatory requirements",
    "Coordinated logistics for events of up to {n}00 attendees",
    "Mentored junior colleagues and interns",
)  # fmt: skip
RESUME_POOLS = {
    "amount": ("$250k", "£1.2m", "€500,000", "$3 million", "£80,000"),
    "n": tuple(str(n) for n in range(2, 15)),
    "pct": tuple(str(n) for n in range(10, 60)),
    "project": (
        "a new CRM system",
        "the warehouse automation project",
        "a company-wide rebrand",
        "the migration to cloud hosting",
        "a customer loyalty programme",
    ),
    "process": ("invoicing", "order processing", "recruitment", "month-end close", "stock control"),
}
DEGREES = (
    "BSc Business Management", "BA English Literature", "BEng Mechanical Engineering",
    "MSc Data Science", "BA Economics", "MBA", "BSc Nursing", "BSc Computer Science",
    "MA International Relations", "HND Accounting", "Diploma in Graphic Design",
)  # fmt: skip
SKILLS = (
    "Microsoft Excel", "SQL", "Python", "Project management", "SAP", "Salesforce", "Budgeting",
    "Public speaking", "Adobe Creative Suite", "Negotiation", "Data visualisation", "Agile / Scrum",
    "Bookkeeping", "Customer service", "AutoCAD",
)  # fmt: skip


LANGUAGES = ("English", "French", "Spanish", "German", "Mandarin", "Arabic", "Hindi", "Polish")


def _resume(rng: random.Random) -> str:
    name = _person(rng)
    out = [name.upper() if rng.random() < 0.5 else name]
    contact = [
        ", ".join(_address(rng, country=False)[-1:]),
        _phone(rng),
        _email_address(rng, name, rng.choice(("mail.com", "example.net", "inbox.org"))),
    ]
    if rng.random() < 0.5:
        contact.append(f"linkedin.com/in/{name.split()[0].lower()}{name.split()[-1].lower()}")
    out.extend(["  |  ".join(contact)] if rng.random() < 0.5 else contact)
    out.append("")
    sections: list[list[str]] = []
    if rng.random() < 0.8:
        sections.append(
            [
                rng.choice(("PROFILE", "Personal Statement", "Summary", "PROFESSIONAL SUMMARY")),
                _fill(
                    rng,
                    rng.choice(
                        (
                            "{quality} professional with {n} years of experience in {field}.",
                            "Experienced {field} specialist with a track record of delivering "
                            "results.",
                        )
                    )
                    + " "
                    + rng.choice(
                        (
                            "Known for strong communication and a practical approach to problem "
                            "solving.",
                            "Looking for a new challenge in a growing organisation.",
                            "Comfortable leading teams and working with senior stakeholders.",
                        )
                    ),
                    {
                        "quality": (
                            "Results-driven",
                            "Dedicated",
                            "Enthusiastic",
                            "Highly organised",
                        ),
                        "n": tuple(str(n) for n in range(2, 25)),
                        "field": (
                            "finance",
                            "operations",
                            "software development",
                            "marketing",
                            "healthcare",
                            "logistics",
                            "education",
                        ),
                    },
                ),
            ]
        )
    experience = [
        rng.choice(
            ("EXPERIENCE", "Work Experience", "Employment History", "PROFESSIONAL EXPERIENCE")
        )
    ]
    year = rng.randint(2016, 2025)
    for _ in range(rng.randint(1, 5)):
        start = year - rng.randint(1, 6)
        end = "Present" if year == 2025 or rng.random() < 0.1 else str(year)
        experience.append(
            f"{rng.choice(JOB_TITLES)}  {_company(rng)}, {_city(rng)[0]}  {rng.choice(MONTHS)[:3]} "
            f"{start} - {end}"
        )
        experience.extend(
            _bullets(
                rng,
                [
                    _fill(rng, bullet, RESUME_POOLS)
                    for bullet in rng.sample(RESUME_BULLETS, rng.randint(2, 5))
                ],
                numbered=False,
            )
        )
        experience.append("")
        year = start
    sections.append(experience)
    education = [rng.choice(("EDUCATION", "Education", "Education and Qualifications"))]
    for _ in range(rng.randint(1, 3)):
        city, stem = _city(rng)[0], rng.choice(COMPANY_STEMS)
        education.append(
            f"{rng.choice(DEGREES)}, "
            + rng.choice((f"University of {city}", f"{city} College", f"{stem} University"))
            + f"  {year - rng.randint(0, 4)}"
        )
        year -= rng.randint(2, 4)
    sections.append(education)
    sections.append(
        [
            rng.choice(("SKILLS", "Key Skills", "Technical Skills")),
            ", ".join(rng.sample(SKILLS, rng.randint(4, 9))),
        ]
    )
    if rng.random() < 0.5:
        native, other = rng.sample(LANGUAGES, 2)
        level = rng.choice(("fluent", "intermediate", "basic"))
        sections.append(["Languages", f"{native} (native), {other} ({level})"])
    if rng.random() < 0.4:
        sections.append(
            [
                "Interests",
                rng.choice(
                    (
                        "Running, photography and volunteering at a local food bank.",
                        "Chess, hiking and cooking.",
                        "Football coaching, travel and reading.",
                    )
                ),
            ]
        )
    first, rest = sections[:1], sections[1:]
    if rng.random() < 0.3:
        rng.shuffle(rest)
    for section in (*first, *rest):
        out.extend([*section, ""])
    endings = [
        "References available on request.",
        f"Driving licence: {rng.choice(('full, clean', 'full', 'none'))}",
        "Availability: "
        f"{rng.choice(('immediate', 'one month notice', 'from ' + rng.choice(MONTHS)))}",
        "Volunteer mentor for a local youth employment charity since "
        + str(rng.randint(2010, 2024))
        + ".",
        "Member of the "
        + rng.choice(
            ("Institute of Management", "Institute of Data Professionals", "Project Society")
        ),
    ]
    _top_up(rng, out, endings, rng.randint(75, 100))
    return _finish(rng, out, header=f"{name} - CV", paginate=0.3)


# ---------------------------------------------------------------------------------------------
# Everyday, travel and technical documents

SLIDE_TOPICS = (
    (
        "Q{q} Sales Review",
        (
            "Revenue vs target", "Top accounts", "Pipeline", "Regional performance", "Challenges",
            "Next quarter priorities",
        ),
    ),
    (
        "Project {name}: Status Update",
        (
            "Timeline", "Milestones achieved", "Risks and issues", "Budget", "Resourcing",
            "Decisions needed",
        ),
    ),
    (
        "Introduction to Cloud Migration",
        (
            "Why migrate?", "Current architecture", "Target architecture", "Migration phases",
            "Cost comparison", "Security",
        ),
    ),
    (
        "Customer Experience Strategy {year}",
        (
            "Where we are today", "What customers tell us", "Our vision", "Key initiatives",
            "Measuring success",
        ),
    ),
    (
        "New Employee Onboarding",
        (
            "Welcome", "Our values", "Your first week", "Tools and systems", "Who to ask",
            "Benefits overview",
        ),
    ),
    (
        "Investor Pitch: {name}",
        (
            "The problem", "Our solution", "Market size", "Business model", "Traction", "Team",
            "The ask",
        ),
    ),
)  # fmt: skip
SLIDE_POINTS = (
    "{pct}% growth year on year", "Launch planned for {month}", "{n} new customers signed",
    "Costs {pct}% below budget", "Hiring {n} engineers", "Focus on retention",
    "Streamline approvals", "Automate manual reporting", "Expand into {region}",
    "Customer satisfaction at {pct}%", "Dependencies on IT team", "Vendor selection complete",
    "Training rollout in {month}", "Risk: supplier delays", "Budget: {amount}",
    "Pilot with {n} sites", "Reduce churn", "Single source of truth", "Mobile-first design",
    "Weekly check-ins", "Owner: {person}", "Decision needed by {month}",
)  # fmt: skip


def _presentation_slides(rng: random.Random) -> str:
    money = _money(rng)
    company = _company(rng)
    title, headings = rng.choice(SLIDE_TOPICS)
    pools = {
        "pct": tuple(str(n) for n in range(3, 95)),
        "month": MONTHS,
        "n": tuple(str(n) for n in range(2, 40)),
        "region": ("Europe", "APAC", "the US", "Latin America", "the Nordics"),
        "amount": (money(_amount(rng, 10000, 900000)),),
        "person": tuple(_person(rng) for _ in range(3)),
        "q": ("1", "2", "3", "4"),
        "name": (rng.choice(COMPANY_STEMS),),
        "year": tuple(str(y) for y in range(2018, 2027)),
    }
    title = _fill(rng, title, pools)
    presenter = _person(rng)
    marker = rng.choice(("Slide {i}", "{i}", "", "{i} | {company}", "{company}  {i}"))
    slides = [[title, f"{presenter}", rng.choice(JOB_TITLES), _fmt(_day(rng), _date_style(rng))]]
    if rng.random() < 0.5:
        slides.append(["Agenda", *_bullets(rng, headings, numbered=rng.random() < 0.5)])
    for heading in headings[: rng.randint(3, len(headings))]:
        slide = [heading]
        if rng.random() < 0.25:
            rows = [
                ["", "Plan", "Actual"],
                *[
                    [label, f"{rng.randint(10, 900)}", f"{rng.randint(10, 900)}"]
                    for label in rng.sample(("Q1", "Q2", "Q3", "Q4", "North", "South"), 3)
                ],
            ]
            slide.extend(_table(rng, rows))
        else:
            slide.extend(
                _bullets(
                    rng,
                    [
                        _fill(rng, point, pools)
                        for point in rng.sample(SLIDE_POINTS, rng.randint(2, 6))
                    ],
                )
            )
        slides.append(slide)
    while _words([line for slide in slides for line in slide]) < 55:
        slides.append(
            [
                rng.choice(("Key takeaways", "Summary", "Recommendations", "Timeline", "Appendix")),
                *_bullets(
                    rng,
                    [
                        _fill(rng, point, pools)
                        for point in rng.sample(SLIDE_POINTS, rng.randint(3, 6))
                    ],
                ),
            ]
        )
    slides.append(
        [
            rng.choice(("Questions?", "Thank you", "Q&A", "Next steps")),
            *(
                [f"{presenter} | {_email_address(rng, presenter, _domain(rng, company))}"]
                if rng.random() < 0.5
                else []
            ),
        ]
    )
    out: list[str] = []
    for index, slide in enumerate(slides, 1):
        out.extend(slide)
        if marker:
            out.append(marker.format(i=index, company=company))
        out.append("")
    return _finish(rng, out, paginate=0.0)


MENU_SECTIONS = (
    (
        "Starters",
        (
            "Soup of the day", "Burrata with heritage tomatoes", "Salt and pepper squid",
            "Chicken liver pate", "Crispy halloumi fries", "Prawn cocktail", "Bruschetta",
            "Vegetable spring rolls",
        ),
    ),
    (
        "Mains",
        (
            "Slow-roasted pork belly", "Pan-fried sea bass", "Wild mushroom risotto",
            "8oz sirloin steak", "Chicken katsu curry", "Beer-battered fish and chips",
            "Lamb tagine", "Butternut squash lasagne", "Classic cheeseburger",
        ),
    ),
    (
        "Sides",
        (
            "Hand-cut chips", "Seasonal greens", "House salad", "Garlic bread",
            "Sweet potato fries", "Creamy mash",
        ),
    ),
    (
        "Desserts",
        (
            "Sticky toffee pudding", "Chocolate fondant", "Lemon tart", "Vanilla panna cotta",
            "Selection of ice creams", "Cheese board",
        ),
    ),
    (
        "Drinks",
        (
            "House red, 175ml", "House white, 175ml", "Local craft beer", "Fresh orange juice",
            "Espresso", "Cappuccino", "Elderflower press",
        ),
    ),
)  # fmt: skip
MENU_DESCRIPTIONS = (
    "served with {side}", "with {side} and a {sauce}", "finished with {sauce}", "{side}, {sauce}",
    "made with local {produce}", "(v)", "(vg)", "(gf)", "",
)  # fmt: skip
MENU_POOLS = {
    "side": (
        "rocket and parmesan", "toasted sourdough", "seasonal vegetables", "crushed new potatoes",
        "pickled shallots", "sweetcorn salsa",
    ),
    "sauce": (
        "red wine jus", "lemon butter sauce", "peppercorn sauce", "salsa verde", "chilli jam",
        "balsamic glaze",
    ),
    "produce": (
        "free-range eggs", "organic vegetables", "Cornish crab", "farm butter", "heritage grains",
    ),
}  # fmt: skip


def _restaurant_menu(rng: random.Random) -> str:
    money = _Money("", rng.choice(("£", "$", "€", "")), 0)
    name = rng.choice(
        (
            f"The {rng.choice(COMPANY_STEMS)} "
            f"{rng.choice(('Kitchen', 'Arms', 'Bistro', 'Grill', 'Table'))}",
            f"Cafe {rng.choice(COMPANY_STEMS)}",
            f"{rng.choice(FIRST_NAMES)}'s",
        )
    )
    out = [
        name.upper() if rng.random() < 0.5 else name,
        rng.choice(("Menu", "Lunch Menu", "Dinner Menu", "A La Carte", "Set Menu", "All Day Menu")),
        "",
    ]
    for section, dishes in MENU_SECTIONS:
        if section in ("Sides", "Drinks") and rng.random() < 0.5:
            continue
        out.append(section.upper() if rng.random() < 0.5 else section)
        for dish in rng.sample(dishes, rng.randint(2, min(len(dishes), 7))):
            description = _fill(rng, rng.choice(MENU_DESCRIPTIONS), MENU_POOLS)
            price = money(rng.randint(3, 34) + rng.choice((0, 0.5, 0.95)))
            if rng.random() < 0.5:
                out.extend(
                    [f"{dish}  {price}", description] if description else [f"{dish}  {price}"]
                )
            else:
                out.append(f"{dish} {description}  {price}".replace("  ", "  ").strip())
        out.append("")
    notes = [
        "Please inform your server of any allergies or dietary requirements.",
        "(v) vegetarian  (vg) vegan  (gf) gluten free",
        "A discretionary service charge of 12.5% will be added to your bill.",
        "All our meat is sourced from local farms.",
        f"Open {rng.choice(('daily', 'Tuesday to Sunday'))} {_clock(rng, 8, 12)} - "
        f"{_clock(rng, 21, 23)}",
        f"Bookings: {_phone(rng)}",
        "Two courses for "
        + money(rng.randint(18, 30))
        + ", three courses for "
        + money(rng.randint(31, 45)),
    ]
    _top_up(rng, out, notes, rng.randint(70, 110))
    return _finish(rng, out, paginate=0.0)


RECIPE_DISHES = (
    (
        "Lemon and Herb Roast Chicken",
        (
            "1.5 kg whole chicken", "2 lemons", "4 garlic cloves", "a bunch of thyme",
            "2 tbsp olive oil", "500 g new potatoes",
        ),
    ),
    (
        "Vegetable Curry",
        (
            "1 onion, chopped", "2 tbsp curry paste", "400 ml coconut milk",
            "1 sweet potato, diced", "200 g spinach", "1 tin chickpeas",
        ),
    ),
    (
        "Banana Bread",
        (
            "3 ripe bananas", "100 g butter, melted", "150 g light brown sugar", "2 eggs",
            "225 g self-raising flour", "1 tsp cinnamon",
        ),
    ),
    (
        "Tomato Basil Pasta",
        (
            "400 g spaghetti", "2 tins chopped tomatoes", "3 garlic cloves", "a handful of basil",
            "50 g parmesan", "1 tsp sugar",
        ),
    ),
    (
        "Beef Chilli",
        (
            "500 g beef mince", "1 red pepper", "1 tin kidney beans", "2 tsp chilli powder",
            "1 tsp cumin", "400 g chopped tomatoes",
        ),
    ),
    (
        "Mushroom Risotto",
        (
            "300 g arborio rice", "250 g mushrooms", "1 litre vegetable stock", "1 shallot",
            "125 ml white wine", "30 g butter",
        ),
    ),
    (
        "Blueberry Pancakes",
        (
            "200 g plain flour", "1 tsp baking powder", "300 ml milk", "1 egg", "150 g blueberries",
            "maple syrup, to serve",
        ),
    ),
    (
        "Greek Salad",
        (
            "4 tomatoes", "1 cucumber", "1 red onion", "200 g feta", "a handful of olives",
            "1 tsp dried oregano",
        ),
    ),
)  # fmt: skip
RECIPE_STEPS = (
    "Preheat the oven to {temp}.", "Heat the oil in a large pan over a medium heat.",
    "Add the {item} and cook for {mins} minutes, stirring occasionally.",
    "Season well with salt and pepper.", "Stir in the {item} and bring to a gentle simmer.",
    "Transfer to a baking dish and bake for {mins} minutes until golden.",
    "Meanwhile, prepare the {item}.", "Remove from the heat and leave to rest for {mins} minutes.",
    "Whisk together the {item} in a bowl until smooth.", "Taste and adjust the seasoning.",
    "Serve immediately, garnished with {item}.", "Cover and cook for a further {mins} minutes.",
)  # fmt: skip


def _recipe(rng: random.Random) -> str:
    title, ingredients = rng.choice(RECIPE_DISHES)
    pools = {
        "item": tuple(
            item.split(" ", 2)[-1] if item[0].isdigit() else item for item in ingredients
        ),
        "temp": ("180C / 350F / gas 4", "200C (fan 180C)", "220C", "190C / gas mark 5"),
        "mins": tuple(str(n) for n in (2, 3, 5, 8, 10, 15, 20, 25, 30, 45)),
    }
    out = [title.upper() if rng.random() < 0.4 else title]
    if rng.random() < 0.7:
        out.extend(
            _prose(
                rng,
                [
                    rng.choice(
                        (
                            "A simple family favourite that is ready in no time.",
                            "This is one of those recipes I come back to again and again.",
                            "Perfect for a weekend lunch or an easy midweek supper.",
                            "A crowd-pleaser that can be made ahead and reheated.",
                        )
                    )
                    + " "
                    + rng.choice(
                        (
                            "It keeps well in the fridge for up to three days.",
                            "Leftovers make a great lunch the next day.",
                            "Feel free to swap the vegetables for whatever is in season.",
                            "",
                        )
                    )
                ],
            )
        )
    facts = [
        f"Serves {rng.randint(2, 8)}",
        f"Prep time: {rng.choice((5, 10, 15, 20, 30))} mins",
        f"Cook time: {rng.choice((10, 20, 30, 45, 60, 90))} mins",
        f"Difficulty: {rng.choice(('Easy', 'Medium', 'Easy'))}",
    ]
    out.extend(
        [
            "  |  ".join(facts[: rng.randint(2, 4)])
            if rng.random() < 0.5
            else "\n".join(facts[: rng.randint(2, 4)]),
            "",
        ]
    )
    out.append(rng.choice(("Ingredients", "INGREDIENTS", "You will need")))
    extra = rng.sample(
        (
            "salt and freshly ground black pepper",
            "1 tbsp olive oil",
            "a pinch of chilli flakes",
            "fresh parsley, chopped",
            "1 tsp honey",
        ),
        rng.randint(0, 3),
    )
    out.extend(_bullets(rng, [*ingredients, *extra], numbered=False))
    out.extend(["", rng.choice(("Method", "METHOD", "Instructions", "Directions"))])
    steps = [_fill(rng, step, pools) for step in rng.sample(RECIPE_STEPS, rng.randint(4, 9))]
    out.extend(_bullets(rng, steps, numbered=True))
    if rng.random() < 0.5:
        out.extend(
            [
                "",
                rng.choice(("Tip", "Cook's note", "Variation"))
                + ": "
                + rng.choice(
                    (
                        "Add a squeeze of lime just before serving.",
                        "This freezes well for up to three months.",
                        "Use gluten-free flour for a coeliac-friendly version.",
                    )
                ),
            ]
        )
    if rng.random() < 0.4:
        out.extend(
            [
                "",
                "Nutrition per serving: "
                + f"{rng.randint(180, 750)} kcal, fat {rng.randint(3, 40)} g, "
                + f"carbs {rng.randint(10, 90)} g, protein {rng.randint(4, 45)} g",
            ]
        )
    return _finish(rng, out, paginate=0.0)


AIRLINES = (
    ("BA", "British Airways"), ("LH", "Lufthansa"), ("AC", "Air Canada"), ("QF", "Qantas"),
    ("UA", "United"), ("KL", "KLM"), ("SQ", "Singapore Airlines"), ("EI", "Aer Lingus"),
    ("NZ", "Air New Zealand"),
)  # fmt: skip
AIRPORTS = (
    "LHR", "MAN", "DUB", "YYZ", "ORD", "SEA", "SYD", "AKL", "SIN", "HAM", "ZRH", "AMS", "CPH",
    "CPT", "BOS", "DEN",
)  # fmt: skip
ACTIVITIES = (
    "City walking tour", "Free day to explore", "Visit to the national museum",
    "Wine tasting in the countryside", "Client meeting at head office", "Conference day 1",
    "Boat trip around the harbour", "Cooking class", "Guided hike",
    "Team dinner at a local restaurant", "Shopping in the old town", "Day trip to the coast",
)  # fmt: skip


def _travel_itinerary(rng: random.Random) -> str:
    style = _date_style(rng)
    traveller = _person(rng, title=rng.random() < 0.5)
    agency = rng.choice(
        (f"{rng.choice(COMPANY_STEMS)} Travel", f"{rng.choice(COMPANY_STEMS)} Tours", _company(rng))
    )
    start = _day(rng)
    days = rng.randint(2, 12)
    origin, destination = rng.sample(AIRPORTS, 2)
    city = _city(rng)[0]
    out = [
        agency,
        rng.choice(
            (
                "Travel Itinerary",
                "YOUR ITINERARY",
                "Trip Confirmation",
                "Booking Confirmation and Itinerary",
            )
        ),
        "",
    ]
    out.extend(
        [
            f"Traveller: {traveller}",
            f"Booking reference: {_code(rng, '@@@@@@')}",
            f"Trip: {city}, {_fmt(start, style)} - {_fmt(start + dt.timedelta(days=days), style)}",
            "",
        ]
    )
    code, airline = rng.choice(AIRLINES)
    rows = [["Date", "Flight", "From", "To", "Depart", "Arrive"]]
    for day, (a, b) in (
        (start, (origin, destination)),
        (start + dt.timedelta(days=days), (destination, origin)),
    ):
        rows.append(
            [
                _fmt(day, style),
                f"{code}{rng.randint(10, 2999)}",
                a,
                b,
                _clock(rng, 6, 21),
                _clock(rng, 6, 23),
            ]
        )
    out.extend([f"FLIGHTS ({airline})", *_table(rng, rows)])
    out.extend(
        [
            f"Class: {rng.choice(('Economy', 'Premium Economy', 'Business'))}   Baggage: "
            f"{rng.choice(('1 x 23 kg', 'hand luggage only', '2 x 23 kg'))}",
            "",
        ]
    )
    hotel = f"{rng.choice(COMPANY_STEMS)} " + rng.choice(("Hotel", "Suites", "Inn", "Grand Hotel"))
    out.extend(
        [
            "ACCOMMODATION",
            hotel,
            ", ".join(_address(rng)),
            f"Check-in: {_fmt(start, style)} from 15:00   Check-out: "
            f"{_fmt(start + dt.timedelta(days=days), style)} by 11:00",
            f"Room: {rng.choice(('Standard double', 'Twin room', 'Deluxe king', 'Suite'))}, "
            f"{rng.choice(('breakfast included', 'room only', 'half board'))}",
            f"Confirmation no: {_code(rng, '#########')}",
            "",
        ]
    )
    if rng.random() < 0.4:
        out.extend(
            [
                "CAR HIRE",
                f"{rng.choice(('Hertz', 'Avis', 'Europcar', 'Sixt'))} - "
                f"{rng.choice(('compact', 'SUV', 'estate'))}, collect at {destination} airport",
                "",
            ]
        )
    out.append(rng.choice(("DAY BY DAY", "Daily programme", "Itinerary")))
    for offset in range(min(days, rng.randint(2, 8)) + 1):
        out.append(
            f"Day {offset + 1} ({_fmt(start + dt.timedelta(days=offset), style)}): "
            f"{rng.choice(ACTIVITIES)}"
        )
    out.extend(
        [
            "",
            rng.choice(
                (
                    "Please arrive at the airport at least two hours before departure.",
                    "Passports must be valid for six months beyond your return date.",
                    f"Emergency contact: {_phone(rng)} (24 hours)",
                    "Travel insurance is strongly recommended.",
                )
            ),
        ]
    )
    return _finish(rng, out, paginate=0.3)


def _hhmm(minutes: int, separator: str) -> str:
    return f"{minutes // 60 % 24:02d}{separator}{minutes % 60:02d}"


def _timetable(rng: random.Random) -> str:
    if rng.random() < 0.3:
        return _class_timetable(rng)
    operator = rng.choice(
        (
            f"{_city(rng)[0]} Buses",
            f"{rng.choice(COMPANY_STEMS)} Rail",
            f"{rng.choice(COMPANY_STEMS)} Coaches",
            "Metro Transit",
        )
    )
    route = rng.choice(
        (
            str(rng.randint(1, 199)),
            f"X{rng.randint(1, 99)}",
            f"Line {rng.choice(string.ascii_uppercase)}",
        )
    )
    stops = [
        f"{rng.choice(STREET_NAMES)} "
        + rng.choice(("Street", "Station", "Square", "Park", "Hospital", "Interchange", "Shops"))
        for _ in range(rng.randint(5, 11))
    ]
    out = [
        operator,
        f"Route {route}  {stops[0]} - {stops[-1]}",
        rng.choice(
            ("Mondays to Fridays", "Saturdays", "Sundays and public holidays", "Monday - Saturday")
        ),
        f"Valid from {_fmt(_day(rng), _date_style(rng))}",
        "",
    ]
    departures = rng.randint(4, 12)
    first = rng.randint(5 * 60, 9 * 60)
    every = rng.choice((10, 15, 20, 30, 60))
    separator = rng.choice((":", ":", ".", ""))
    rows = (
        [["Stop", *[rng.choice(("", "", "S", "X")) for _ in range(departures)]]]
        if rng.random() < 0.3
        else []
    )
    minute = 0
    for stop in stops:
        times = [_hhmm(first + index * every + minute, separator) for index in range(departures)]
        rows.append([stop, *times])
        minute += rng.randint(2, 9)
    out.extend(_table(rng, rows) + [""])
    notes = [
        "S - school days only",
        "X - does not run on public holidays",
        "Times are approximate and may vary due to traffic.",
        f"Customer services: {_phone(rng)}",
        "Buses run every " + str(every) + " minutes during the day.",
        "Step-free access at all stations.",
        "Tickets can be bought on board or through the app.",
    ]
    _top_up(rng, out, notes, rng.randint(75, 110))
    if rng.random() < 0.4:
        back = [
            [
                stop,
                *(
                    _hhmm(first + 60 + offset * 4 + index * every, separator)
                    for index in range(min(departures, 6))
                ),
            ]
            for offset, stop in enumerate(reversed(stops))
        ]
        out.extend(["", "Return journey", *_table(rng, back)])
    return _finish(rng, out, paginate=0.2)


def _class_timetable(rng: random.Random) -> str:
    school = rng.choice(
        (
            f"{rng.choice(COMPANY_STEMS)} High School",
            f"{rng.choice(COMPANY_STEMS)} Academy",
            f"{_city(rng)[0]} College",
        )
    )
    subjects = (
        "Maths",
        "English",
        "Science",
        "History",
        "Geography",
        "French",
        "PE",
        "Art",
        "Music",
        "Computing",
        "Biology",
        "Chemistry",
        "Physics",
        "RE",
        "Drama",
    )
    out = [
        school,
        rng.choice(
            (
                f"Class {rng.randint(7, 12)}{rng.choice('ABCD')} Timetable",
                f"Year {rng.randint(7, 13)} timetable",
                "Lecture timetable",
            )
        ),
        f"{rng.choice(('Autumn', 'Spring', 'Summer'))} term {rng.randint(2016, 2025)}",
        "",
    ]
    periods = rng.randint(4, 7)
    start = rng.choice((8 * 60 + 30, 8 * 60 + 45, 9 * 60))
    rows = [["", *(_hhmm(start + period * 60, ":") for period in range(periods))]]
    for day in WEEKDAYS[:5]:
        rows.append(
            [
                day if rng.random() < 0.5 else day[:3],
                *[
                    rng.choice(subjects)
                    + rng.choice(("", f" R{rng.randint(1, 30)}", f" ({rng.choice(LAST_NAMES)})"))
                    for _ in range(periods)
                ],
            ]
        )
    out.extend(_table(rng, rows) + [""])
    notes = [
        "Break 10:40 - 11:00",
        "Lunch 12:30 - 13:15",
        "Registration 08:40",
        "PE kit required on Tuesdays and Thursdays",
        f"Form tutor: {_person(rng, title=True)}",
        "Homework club: Wednesdays in the library",
        "Room changes are posted on the noticeboard outside the main office.",
        "Lessons last 60 minutes unless stated otherwise.",
    ]
    _top_up(rng, out, notes, rng.randint(75, 110))
    return _finish(rng, out, paginate=0.0)


MANUAL_PRODUCTS = (
    ("Cordless Vacuum Cleaner", "VC"), ("Smart Thermostat", "ST"), ("Espresso Machine", "EM"),
    ("Wireless Headphones", "WH"), ("Electric Lawn Mower", "LM"), ("Air Purifier", "AP"),
    ("Digital Kitchen Scale", "KS"), ("Portable Projector", "PP"), ("Baby Monitor", "BM"),
    ("Electric Toothbrush", "ET"), ("Dehumidifier", "DH"), ("Label Printer", "LP"),
)  # fmt: skip
MANUAL_STEPS = (
    "Press and hold the power button for {n} seconds until the indicator lights up.",
    "Connect the charger to the mains and to the charging port.",
    "Select the desired mode using the {button} button.",
    "Open the app and follow the on-screen pairing instructions.",
    "Fill the tank with clean water up to the MAX mark.",
    "Remove the protective film before first use.", "Attach the {part} until it clicks into place.",
    "The indicator flashes {colour} while charging and stays {colour2} when fully charged.",
    "To switch off, press the power button once.", "Place the unit on a flat, stable surface.",
)  # fmt: skip
MANUAL_SAFETY = (
    "Read all instructions before using this appliance and keep them for future reference.",
    "Do not immerse the unit in water or any other liquid.", "Keep out of reach of children.",
    "Use only the charger supplied with the product.",
    "Do not use the appliance if the cable or plug is damaged.",
    "Disconnect from the mains before cleaning or maintenance.",
    "This appliance is for household use only.", "Do not cover the air vents.",
)  # fmt: skip
MANUAL_TROUBLE = (
    ("The unit does not switch on", "Battery discharged", "Charge the battery fully"),
    ("No sound", "Volume set to minimum", "Increase the volume"),
    ("Indicator flashes red", "Fault detected", "Switch off, wait 10 seconds and restart"),
    ("Weak performance", "Filter blocked", "Clean or replace the filter"),
    ("Cannot connect to the app", "Bluetooth disabled", "Enable Bluetooth and retry pairing"),
    ("Water leaking", "Tank not seated correctly", "Refit the tank"),
    ("Display shows E2", "Sensor error", "Contact customer support"),
)  # fmt: skip


def _user_manual(rng: random.Random) -> str:
    product, prefix = rng.choice(MANUAL_PRODUCTS)
    brand = rng.choice(COMPANY_STEMS)
    model = f"{prefix}-{rng.randint(100, 9999)}"
    pools = {
        "n": ("2", "3", "5"),
        "button": ("MODE", "M", "SET", "+", "menu"),
        "part": ("nozzle", "filter", "brush head", "lid", "base"),
        "colour": ("red", "orange", "blue"),
        "colour2": ("green", "white", "blue"),
    }
    out = [
        f"{brand} {product}",
        f"Model {model}",
        rng.choice(
            ("User Manual", "Instruction Manual", "Owner's Guide", "Quick Start Guide and Manual")
        ),
        "",
    ]
    sections = [
        ("Safety instructions", _bullets(rng, rng.sample(MANUAL_SAFETY, rng.randint(3, 7)))),
        (
            "What's in the box",
            _bullets(
                rng,
                [
                    f"{brand} {product}",
                    *rng.sample(
                        (
                            "Charger",
                            "USB-C cable",
                            "User manual",
                            "Wall bracket",
                            "Spare filter",
                            "Carry bag",
                            "Remote control",
                        ),
                        rng.randint(2, 4),
                    ),
                ],
            ),
        ),
        (
            "Getting started",
            _bullets(
                rng,
                [_fill(rng, step, pools) for step in rng.sample(MANUAL_STEPS, rng.randint(3, 5))],
                numbered=True,
            ),
        ),
        (
            "Operation",
            _prose(
                rng,
                [
                    " ".join(
                        _fill(rng, step, pools)
                        for step in rng.sample(MANUAL_STEPS, rng.randint(2, 4))
                    )
                ],
            ),
        ),
        (
            "Cleaning and maintenance",
            _prose(
                rng,
                [
                    rng.choice(
                        (
                            "Wipe the exterior with a soft, damp cloth. Do not use abrasive "
                            "cleaners.",
                            "Clean the filter every month and replace it every six months.",
                        )
                    )
                ],
            ),
        ),
        (
            "Troubleshooting",
            _table(
                rng,
                [
                    ["Problem", "Possible cause", "Solution"],
                    *[list(row) for row in rng.sample(MANUAL_TROUBLE, rng.randint(2, 5))],
                ],
            ),
        ),
        (
            "Technical specifications",
            _table(
                rng,
                [
                    ["Rated voltage", rng.choice(("220-240 V ~ 50 Hz", "100-240 V", "5 V DC"))],
                    ["Power", f"{rng.randint(3, 2200)} W"],
                    ["Weight", f"{rng.uniform(0.2, 12):.1f} kg"],
                    ["Battery", f"{rng.randint(1000, 5000)} mAh Li-ion"],
                    ["Operating time", f"up to {rng.randint(20, 90)} min"],
                ],
            ),
        ),
        (
            "Warranty",
            _prose(
                rng,
                [
                    f"This product is guaranteed for {rng.randint(1, 5)} years from the date of "
                    "purchase against defects in materials and workmanship. "
                    "The guarantee does not cover damage caused by misuse, accidents or normal "
                    "wear and tear."
                ],
            ),
        ),
    ]
    chosen = [
        section for index, section in enumerate(sections) if index in (0, 2) or rng.random() < 0.7
    ]
    numbered = rng.random() < 0.6
    for number, (heading, body) in enumerate(chosen, 1):
        out.extend([f"{number}. {heading}" if numbered else heading.upper(), *body, ""])
    out.append(
        rng.choice(
            (
                f"Customer support: {_phone(rng)}  www.{brand.lower()}.com/support",
                "Disposal: do not dispose of this product with household waste. Take it to a "
                "recycling point for electrical equipment.",
            )
        )
    )
    return _finish(rng, out, header=f"{brand} {model}", paginate=0.7)


SPEC_SUBJECTS = (
    (
        "Industrial Pressure Transmitter",
        (
            ("Measuring range", "0", "-", "40", "bar"), ("Accuracy", "", "0.1", "0.25", "% FS"),
            ("Supply voltage", "10", "24", "30", "V DC"),
            ("Operating temperature", "-40", "", "85", "°C"),
        ),
    ),
    (
        "Customer Portal Web Application",
        (
            ("Page load time", "", "1.2", "2.0", "s"),
            ("Concurrent users", "", "", "5000", "users"), ("Availability", "99.9", "", "", "%"),
            ("API response time", "", "150", "300", "ms"),
        ),
    ),
    (
        "LED Street Light Luminaire",
        (
            ("Luminous flux", "9000", "10500", "", "lm"),
            ("Power consumption", "", "75", "80", "W"),
            ("Colour temperature", "3000", "4000", "4000", "K"),
            ("Ingress protection", "IP66", "", "", ""),
        ),
    ),
    (
        "Conveyor Belt System",
        (
            ("Belt speed", "0.2", "1.0", "2.5", "m/s"), ("Load capacity", "", "", "60", "kg/m"),
            ("Motor power", "", "2.2", "", "kW"), ("Noise level", "", "", "70", "dB(A)"),
        ),
    ),
    (
        "Rechargeable Battery Module",
        (
            ("Nominal voltage", "", "48", "", "V"), ("Capacity", "100", "", "", "Ah"),
            ("Charge temperature", "0", "", "45", "°C"), ("Cycle life", "6000", "", "", "cycles"),
        ),
    ),
)  # fmt: skip
SPEC_REQUIREMENTS = (
    "The {subject} shall comply with {standard}.",
    "The {subject} shall operate continuously for at least {n} hours without maintenance.",
    "All external interfaces shall be documented in the interface control document.",
    "The supplier shall provide test certificates for each unit.",
    "The {subject} shall withstand vibration of {n} g in all three axes.",
    "Firmware shall be field-upgradable without special tools.",
    "The {subject} shall log all errors with a timestamp.",
    "The design life shall be not less than {n} years.",
    "Enclosures shall be made of corrosion-resistant material.",
    "Personal data shall be encrypted at rest and in transit.",
    "The {subject} should support remote diagnostics.",
    "Labels shall be durable and legible for the life of the product.",
)  # fmt: skip


def _technical_specification(rng: random.Random) -> str:
    style = _date_style(rng)
    subject, parameters = rng.choice(SPEC_SUBJECTS)
    company = _company(rng)
    pools = {
        "subject": ("system", "unit", "device", "equipment"),
        "n": tuple(str(n) for n in (2, 5, 10, 15, 20, 24, 1000, 8760)),
        "standard": (
            "IEC 61010-1",
            "ISO 9001",
            "EN 55032 Class B",
            "IEC 60529",
            "ISO/IEC 27001",
            "UL 94 V-0",
            "IEC 62443",
        ),
    }
    document = _code(rng, rng.choice(("TS-####", "SPEC-@@-###", "DOC-#####")))
    revision = rng.choice(("A", "B", "C", "1.0", "2.1", "03"))
    out = [
        company,
        rng.choice(
            (
                "TECHNICAL SPECIFICATION",
                "Technical Specification",
                "Requirements Specification",
                "Product Specification",
            )
        ),
        subject,
        "",
        f"Document no.: {document}   Revision: {revision}   Date: {_fmt(_day(rng), style)}",
        "",
    ]
    if rng.random() < 0.5:
        out.extend(
            _table(
                rng,
                [
                    ["Rev", "Date", "Description", "Author"],
                    *[
                        [
                            str(index),
                            _fmt(_day(rng), style),
                            rng.choice(
                                (
                                    "Initial release",
                                    "Updated tolerances",
                                    "Added section 5",
                                    "Review comments",
                                )
                            ),
                            _person(rng),
                        ]
                        for index in range(1, rng.randint(2, 4))
                    ],
                ],
            )
            + [""]
        )
    sections = [
        (
            "Scope",
            _prose(
                rng,
                [
                    f"This document specifies the requirements for the {subject.lower()} supplied "
                    f"by {company}. "
                    + rng.choice(
                        (
                            "It covers performance, interfaces, environmental conditions and "
                            "testing.",
                            "It applies to all variants unless stated otherwise.",
                        )
                    )
                ],
            ),
        ),
        (
            "Requirements",
            [
                f"{_code(rng, 'REQ-###')}  {_fill(rng, requirement, pools)}"
                for requirement in rng.sample(SPEC_REQUIREMENTS, rng.randint(3, 9))
            ],
        ),
        (
            "Performance parameters",
            _table(
                rng,
                [["Parameter", "Min", "Typ", "Max", "Unit"], *[list(row) for row in parameters]],
            ),
        ),
        (
            "Environmental conditions",
            _bullets(
                rng,
                rng.sample(
                    (
                        f"Storage temperature: -{rng.randint(20, 40)} to +{rng.randint(60, 85)} °C",
                        f"Relative humidity: {rng.randint(5, 20)} to 95 % non-condensing",
                        f"Altitude: up to {rng.randint(2000, 4000)} m",
                        "Ingress protection: IP65 minimum",
                    ),
                    3,
                ),
            ),
        ),
        ("Applicable standards", _bullets(rng, rng.sample(pools["standard"], rng.randint(2, 5)))),
        (
            "Verification",
            _prose(
                rng,
                [
                    "Compliance with each requirement shall be verified by test, inspection, "
                    "analysis or demonstration as indicated in the verification matrix."
                ],
            ),
        ),
    ]
    for number, (heading, body) in enumerate(sections, 1):
        if number > 3 and rng.random() < 0.3:
            continue
        out.extend(
            [
                f"{number} {heading}" if rng.random() < 0.5 else f"{number}. {heading.upper()}",
                *body,
                "",
            ]
        )
    return _finish(rng, out, header=f"{document} Rev {revision}", paginate=0.8)


CODE_NOUNS = (
    "user", "order", "invoice", "record", "item", "session", "config", "token", "node", "payment",
    "report", "customer", "event", "file",
)  # fmt: skip
CODE_VERBS = (
    "load", "parse", "validate", "compute", "update", "fetch", "render", "merge", "filter",
    "export", "normalize", "build",
)  # fmt: skip
CODE_FIELDS = (
    "id", "name", "total", "status", "created_at", "amount", "email", "count", "price", "score",
)  # fmt: skip


def _python_function(rng: random.Random) -> list[str]:
    verb, noun, field = rng.choice(CODE_VERBS), rng.choice(CODE_NOUNS), rng.choice(CODE_FIELDS)
    shape = rng.randrange(3)
    head = [
        f"def {verb}_{noun}s({noun}s, limit={rng.randint(1, 500)}):",
        f'    """{verb.capitalize()} the {noun}s whose {field} exceeds the limit."""',
    ]
    if shape == 0:
        body = [
            "    result = []",
            f"    for {noun} in {noun}s:",
            f"        if {noun}.{field} > limit:",
            f"            result.append({noun})",
            "    return result",
        ]
    elif shape == 1:
        body = [
            f"    if not {noun}s:",
            f'        raise ValueError("no {noun}s given")',
            f"    return sorted({noun}s, key=lambda x: x.{field})[:limit]",
        ]
    else:
        body = [
            "    totals = {}",
            f"    for {noun} in {noun}s:",
            f"        totals[{noun}.{field}] = totals.get({noun}.{field}, 0) + 1",
            "    # keep only the most common values",
            "    return {k: v for k, v in totals.items() if v >= limit}",
        ]
    return [*head, *body, ""]


def _javascript_function(rng: random.Random) -> list[str]:
    verb, noun, field = rng.choice(CODE_VERBS), rng.choice(CODE_NOUNS), rng.choice(CODE_FIELDS)
    name = f"{verb}{noun.capitalize()}"
    if rng.random() < 0.5:
        return [
            f"async function {name}(id) {{",
            f"  const response = await fetch(`/api/{noun}s/${{id}}`);",
            "  if (!response.ok) {",
            f"    throw new Error(`Failed to {verb} {noun}: ${{response.status}}`);",
            "  }",
            "  const data = await response.json();",
            f"  return data.{field};",
            "}",
            "",
        ]
    return [
        f"const {name} = ({noun}s) =>",
        f"  {noun}s",
        f"    .filter((x) => x.{field} != null)",
        f"    .map((x) => ({{ ...x, {field}: Number(x.{field}) }}));",
        "",
    ]


def _java_method(rng: random.Random) -> list[str]:
    verb, noun, field = rng.choice(CODE_VERBS), rng.choice(CODE_NOUNS), rng.choice(CODE_FIELDS)
    kind = noun.capitalize()
    return [
        f"    public List<{kind}> {verb}{kind}s(List<{kind}> {noun}s) {{",
        f"        List<{kind}> result = new ArrayList<>();",
        f"        for ({kind} {noun} : {noun}s) {{",
        f"            if ({noun}.get{field.title().replace('_', '')}() != null) {{",
        f"                result.add({noun});",
        "            }",
        "        }",
        "        return result;",
        "    }",
        "",
    ]


def _sql_statement(rng: random.Random) -> list[str]:
    noun, field, other = rng.choice(CODE_NOUNS), rng.choice(CODE_FIELDS), rng.choice(CODE_FIELDS)
    if rng.random() < 0.5:
        return [
            f"CREATE TABLE {noun}s (",
            "    id INTEGER PRIMARY KEY,",
            f"    {field} VARCHAR({rng.choice((32, 64, 255))}) NOT NULL,",
            f"    {other} NUMERIC(10, 2),",
            "    created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP",
            ");",
            "",
        ]
    return [
        f"SELECT {field}, COUNT(*) AS n, SUM({other}) AS total",
        f"FROM {noun}s",
        f"WHERE created_at >= '{rng.randint(2018, 2025)}-01-01'",
        f"GROUP BY {field}",
        "ORDER BY total DESC",
        f"LIMIT {rng.randint(5, 100)};",
        "",
    ]


def _source_code(rng: random.Random) -> str:
    language = rng.choice(("python", "javascript", "java", "sql"))
    author = _person(rng)
    noun = rng.choice(CODE_NOUNS)
    target = rng.randint(70, 420)
    if language == "python":
        out = [
            f'"""Utilities for working with {noun}s.',
            "",
            f"Author: {author}",
            '"""',
            "",
            "from __future__ import annotations",
            "",
            *rng.sample(
                (
                    "import json",
                    "import logging",
                    "import os",
                    "from dataclasses import dataclass",
                    "from pathlib import Path",
                ),
                rng.randint(1, 4),
            ),
            "",
            f"MAX_{noun.upper()}S = {rng.randint(10, 10000)}",
            "",
        ]
        while _words(out) < target:
            out.extend(_python_function(rng) + [""])
        if rng.random() < 0.5:
            out.extend(
                ['if __name__ == "__main__":', f"    print({rng.choice(CODE_VERBS)}_{noun}s([]))"]
            )
    elif language == "javascript":
        out = [
            f"// {noun}Service.js - {rng.choice(('helpers', 'API client', 'data utilities'))} for "
            f"{noun}s",
            f"// (c) {rng.randint(2015, 2025)} {_company(rng)}",
            "'use strict';",
            "",
            f"import {{ {rng.choice(CODE_VERBS)} }} from './{rng.choice(CODE_NOUNS)}.js';",
            "",
        ]
        while _words(out) < target:
            out.extend(_javascript_function(rng))
        out.append(f"export default {{ {rng.choice(CODE_VERBS)}{noun.capitalize()} }};")
    elif language == "java":
        kind = noun.capitalize()
        out = [
            f"package com.{rng.choice(COMPANY_STEMS).lower()}.{noun};",
            "",
            "import java.util.ArrayList;",
            "import java.util.List;",
            "",
            "/**",
            f" * Service methods for {kind} objects.",
            f" * @author {author}",
            " */",
            f"public class {kind}Service {{",
            "",
        ]
        while _words(out) < target:
            out.extend(_java_method(rng))
        out.append("}")
    else:
        out = [f"-- Schema and reports for the {noun} database", f"-- Author: {author}", ""]
        while _words(out) < target:
            out.extend(_sql_statement(rng))
    if rng.random() < 0.35:
        out = [f"{index:>4}  {line}".rstrip() for index, line in enumerate(out, 1)]
    return _finish(rng, out, paginate=0.3)


# ---------------------------------------------------------------------------------------------
# Prose: fiction, verse, scholarship and interviews

STORY_SENTENCES = (
    "{hero} had not been back to {place} since {time_past}.",
    "The {weather} pressed against the windows as {hero} {action}.",
    "{other} was waiting by the {object}, {gesture}.", '"{line}" said {other}.',
    '{hero} replied: "{line}"', "For a long moment neither of them spoke.",
    "{hero} remembered {memory} and felt {emotion}.",
    "Somewhere beyond the {landscape}, {sound} rose and faded.",
    "It was the kind of evening when {observation}.",
    "{hero} picked up the {object} and turned it over in {pronoun} hands.",
    "Nobody in {place} talked about {memory} any more.",
    "By the time the {weather} cleared, {hero} had made up {pronoun} mind.",
    "{other} laughed, but there was no warmth in it.",
    "The letter had arrived on a {weekday}, unsigned and smelling faintly of {smell}.",
    "{hero} walked on, past the {landscape}, until the lights of {place} appeared.",
    "Later, {hero} would wonder why {pronoun_subject} had not noticed sooner.",
    '"You always do this," said {other}. "{line}"',
    "{emotion_cap} came over {hero} like {weather}.",
    "The {object} was exactly where {pronoun_subject} had left it, years ago.",
    "Outside, {sound} drifted up from the street.",
)  # fmt: skip
STORY_POOLS = {
    "place": (
        "the village",
        "the old harbour town",
        "her grandmother's farm",
        "the city",
        "the lighthouse",
        "the boarding house on Ash Street",
        "the island",
    ),
    "time_past": (
        "the summer of the flood",
        "the funeral",
        "she was nine",
        "the war",
        "the winter everything changed",
        "his father left",
    ),
    "weather": ("rain", "fog", "snow", "wind", "heat", "storm"),
    "action": (
        "unpacked the car",
        "waited for the kettle",
        "counted the steps",
        "read the letter again",
    ),
    "object": (
        "photograph",
        "key",
        "letter",
        "old radio",
        "teacup",
        "compass",
        "music box",
        "locket",
    ),
    "gesture": (
        "arms folded",
        "smiling uncertainly",
        "hands deep in his pockets",
        "pretending not to watch",
        "humming to herself",
    ),
    "line": (
        "I thought you'd never come back.",
        "We need to talk about the house.",
        "It's late. You should sit down.",
        "Nothing has changed here, you know.",
        "Did you find it?",
        "I kept your room the way it was.",
        "You're not the only one who remembers.",
    ),
    "memory": (
        "the night of the fire",
        "the boat that never returned",
        "the argument in the kitchen",
        "the missing money",
        "that last summer",
    ),
    "emotion": (
        "a sudden ache",
        "something close to relief",
        "an old, familiar dread",
        "a kind of quiet joy",
        "nothing at all",
    ),
    "emotion_cap": ("Grief", "Exhaustion", "Anger", "A strange calm", "Homesickness"),
    "landscape": ("fields", "dunes", "railway line", "pine woods", "river", "rooftops"),
    "sound": (
        "a dog's bark",
        "the hum of traffic",
        "church bells",
        "a train whistle",
        "the cry of gulls",
        "music from a neighbour's radio",
    ),
    "observation": (
        "every sound carried",
        "the streetlights came on too early",
        "people stayed indoors",
        "the sea looked like tin",
    ),
    "smell": ("lavender", "tobacco", "engine oil", "salt", "woodsmoke"),
    "weekday": WEEKDAYS,
}


def _short_story(rng: random.Random) -> str:
    female = rng.random() < 0.5
    hero = rng.choice(FIRST_NAMES)
    other = rng.choice([name for name in FIRST_NAMES if name != hero])
    pools = {
        **STORY_POOLS,
        "hero": (hero,),
        "other": (other,),
        "pronoun": ("her",) if female else ("his",),
        "pronoun_subject": ("she",) if female else ("he",),
    }
    title = rng.choice(
        (
            "The {object_cap}",
            "What the {weather_cap} Knew",
            "Leaving {place_name}",
            "The Last Summer",
            "A Quiet House",
            "Low Tide",
            "Before the Rain",
        )
    )
    title = title.format(
        object_cap=rng.choice(STORY_POOLS["object"]).title(),
        weather_cap=rng.choice(STORY_POOLS["weather"]).title(),
        place_name=rng.choice(CITIES)[0],
    )
    out = [title, f"by {_person(rng)}" if rng.random() < 0.7 else "", ""]
    target = rng.randint(150, 820)
    paragraphs: list[str] = []
    while _words(paragraphs) < target:
        paragraphs.append(_paragraph(rng, STORY_SENTENCES, pools, 2, 7))
        if rng.random() < 0.25:
            paragraphs.append(
                _fill(rng, rng.choice(('"{line}"', '"{line}" {other} said quietly.')), pools)
            )
    if rng.random() < 0.3:
        paragraphs.insert(len(paragraphs) // 2, "*")
    out.extend(_prose(rng, paragraphs))
    return _finish(rng, out, header=title, paginate=0.4)


POEM_LINES = (
    "the {noun} of {noun2} in {season}", "{verb_ing} through the {adj} {noun}",
    "and I {verb} the {noun} you left behind", "where {noun_pl} {verb_pres} like {noun_pl2}",
    "O {adj} {noun}, how {adj2} you {verb_pres}", "beneath a {adj} and {adj2} sky",
    "I have {verb_past} the {noun} again", "{season} comes, and nothing stays",
    "the {noun_pl} are {verb_ing} in the {noun}", "a {adj} {noun} at the edge of {noun2}",
    "and still the {noun} {verb_pres_s}", "we were {adj}, we were {noun_pl}",
    "listen: the {noun} is {verb_ing}", "all {noun_pl} return to {noun2}",
    "{verb_cap} me, {noun}, before the {noun2} ends",
)  # fmt: skip
POEM_POOLS = {
    "noun": (
        "river", "light", "stone", "heart", "window", "field", "silence", "moon", "garden", "road",
        "bone", "harbour", "candle", "morning",
    ),
    "noun2": (
        "winter", "salt", "memory", "rain", "the world", "longing", "bread", "the sea", "distance",
        "dusk",
    ),
    "noun_pl": ("swallows", "leaves", "rivers", "children", "stars", "hands", "names", "bells"),
    "noun_pl2": ("prayers", "ghosts", "old coins", "sparks", "promises"),
    "season": ("autumn", "spring", "winter", "late summer", "the thaw"),
    "adj": ("quiet", "golden", "broken", "slow", "tender", "pale", "restless", "green"),
    "adj2": ("cold", "bright", "strange", "endless", "brief", "wild"),
    "verb": ("carry", "follow", "remember", "gather", "lose", "forgive"),
    "verb_pres": ("burn", "drift", "wait", "sing", "fall", "wake"),
    "verb_pres_s": ("burns", "drifts", "waits", "sings", "falls", "turns"),
    "verb_ing": ("drifting", "falling", "singing", "waiting", "breaking", "turning"),
    "verb_past": ("carried", "buried", "followed", "mended", "forgotten"),
    "verb_cap": ("Hold", "Carry", "Remember", "Forgive", "Wake"),
}  # fmt: skip


def _poem(rng: random.Random) -> str:
    out: list[str] = []
    if rng.random() < 0.3:
        out.extend(
            [
                rng.choice(
                    (
                        "Selected Poems",
                        "Poems",
                        "Collected Verse",
                        "From the collection 'Salt and Light'",
                    )
                ),
                _person(rng),
                "",
            ]
        )
    capitals = rng.random() < 0.5
    punctuation = rng.random() < 0.6
    target = rng.randint(70, 320)
    while _words(out) < target:
        title = _fill(
            rng,
            rng.choice(
                (
                    "{noun}",
                    "{season}",
                    "The {adj} {noun}",
                    "Song for {noun2}",
                    "{noun_pl}",
                    "Elegy",
                    "Untitled",
                )
            ),
            POEM_POOLS,
        )
        out.extend([title.title() if rng.random() < 0.7 else title.upper(), ""])
        if rng.random() < 0.3:
            out.extend([f"for {rng.choice(FIRST_NAMES)}", ""])
        lines_per = rng.choice((2, 3, 4, 4, 5, 6))
        for _ in range(rng.randint(3, 6)):
            for index in range(lines_per):
                line = _fill(rng, rng.choice(POEM_LINES), POEM_POOLS)
                line = line if capitals else line[0].lower() + line[1:]
                if punctuation:
                    line += "." if index == lines_per - 1 else rng.choice((",", "", "", ";", " -"))
                out.append(line)
            out.append("")
        if rng.random() < 0.4:
            out.extend([f"- {_person(rng)}", ""])
    return _finish(rng, out, paginate=0.3)


RESEARCH_AREAS = (
    {
        "field": ("ecology",),
        "phenomenon": (
            "pollinator decline", "urban bird diversity", "soil carbon storage",
            "invasive plant spread",
        ),
        "method": (
            "a generalised linear mixed model", "a randomised field experiment",
            "structural equation modelling", "repeated transect surveys",
        ),
        "data": (
            "samples from 48 plots", "a ten-year monitoring dataset",
            "citizen-science observations", "satellite vegetation indices",
        ),
        "factor": (
            "land-use intensity", "temperature", "habitat fragmentation", "nitrogen deposition",
        ),
        "metric": ("species richness", "abundance", "biomass"),
    },
    {
        "field": ("machine learning",),
        "phenomenon": (
            "distribution shift", "label noise", "model calibration", "few-shot generalisation",
        ),
        "method": (
            "a contrastive pre-training objective", "a transformer-based classifier",
            "gradient-boosted trees", "a Bayesian ensemble",
        ),
        "data": (
            "three public benchmarks", "a corpus of 1.2 million documents", "a held-out test set",
            "synthetic data",
        ),
        "factor": ("training set size", "model depth", "learning rate", "data augmentation"),
        "metric": ("accuracy", "F1 score", "expected calibration error"),
    },
    {
        "field": ("public health",),
        "phenomenon": (
            "childhood obesity", "vaccine uptake", "loneliness in older adults",
            "antibiotic prescribing",
        ),
        "method": (
            "a cross-sectional survey", "a retrospective cohort study",
            "multilevel logistic regression", "a cluster randomised trial",
        ),
        "data": (
            "records of 12,400 patients", "a national household survey", "general practice data",
            "interviews with 35 participants",
        ),
        "factor": ("socioeconomic deprivation", "age", "access to services", "health literacy"),
        "metric": ("odds ratios", "incidence rates", "prevalence"),
    },
    {
        "field": ("materials science",),
        "phenomenon": (
            "fatigue crack growth", "corrosion resistance", "thermal conductivity", "ion diffusion",
        ),
        "method": (
            "scanning electron microscopy", "density functional theory", "X-ray diffraction",
            "finite element simulation",
        ),
        "data": (
            "24 alloy specimens", "thin films deposited at three temperatures",
            "a set of polymer composites",
        ),
        "factor": ("grain size", "annealing temperature", "dopant concentration", "porosity"),
        "metric": ("yield strength", "conductivity", "hardness"),
    },
    {
        "field": ("economics",),
        "phenomenon": (
            "minimum wage effects", "housing affordability", "firm productivity",
            "household saving",
        ),
        "method": (
            "a difference-in-differences design", "instrumental variables estimation",
            "a panel fixed-effects model", "a structural model",
        ),
        "data": (
            "administrative tax records", "a panel of 3,000 firms", "regional price data",
            "labour force survey microdata",
        ),
        "factor": ("interest rates", "local labour demand", "trade exposure", "credit constraints"),
        "metric": ("employment", "wages", "output per worker"),
    },
    {
        "field": ("psychology",),
        "phenomenon": (
            "working memory capacity", "test anxiety", "habit formation", "social conformity",
        ),
        "method": (
            "a preregistered experiment", "a longitudinal diary study", "a within-subjects design",
            "a meta-analysis",
        ),
        "data": (
            "214 undergraduate participants", "an online sample of 1,050 adults",
            "23 published studies", "daily reports over six weeks",
        ),
        "factor": ("sleep duration", "time pressure", "feedback type", "mood"),
        "metric": ("reaction times", "recall accuracy", "self-reported stress"),
    },
)  # fmt: skip
RESEARCH_SENTENCES = {
    "Introduction": (
        "Understanding {phenomenon} is a central question in {field}.",
        "Previous studies have linked {phenomenon} to {factor}, but the evidence remains mixed.",
        "In this paper we examine how {factor} shapes {phenomenon}.",
        "Our contribution is threefold.", "Few studies have addressed this question with {data}.",
    ),
    "Related Work": (
        "Early work on {phenomenon} relied on small samples [{ref}].",
        "{author} et al. [{ref}] reported a positive association between {factor} and {metric}.",
        "More recent studies have used {method} [{ref}, {ref2}].",
        "These findings have not been replicated with {data}.",
    ),
    "Methods": (
        "We collected {data}.",
        "We applied {method} to estimate the effect of {factor} on {metric}.",
        "Models were fitted in R version 4.{n}.",
        "Outliers beyond three standard deviations were excluded.",
        "Statistical significance was assessed at the 5% level.",
        "All procedures were approved by the institutional ethics committee.",
    ),
    "Results": (
        "{factor_cap} was significantly associated with {metric} (p < 0.0{n}).",
        "Table 1 summarises the main estimates.",
        "The effect was robust to alternative specifications.",
        "We found no evidence of an interaction between {factor} and {factor2}.",
        "Figure 2 shows {metric} by group.",
    ),
    "Discussion": (
        "Our results suggest that {factor} plays a larger role in {phenomenon} than previously "
        "assumed.",
        "Several limitations should be noted.",
        "First, the data are observational, so causal claims must be made with care.",
        "Future work should examine {phenomenon} using {method}.",
        "These findings have implications for policy and practice.",
    ),
}  # fmt: skip


def _research_paper(rng: random.Random) -> str:
    area = rng.choice(RESEARCH_AREAS)
    pools = {
        **area,
        "factor_cap": tuple(f.capitalize() for f in area["factor"]),
        "factor2": area["factor"],
        "ref": tuple(str(n) for n in range(1, 25)),
        "ref2": tuple(str(n) for n in range(1, 25)),
        "author": LAST_NAMES,
        "n": tuple(str(n) for n in range(1, 5)),
    }
    title = _fill(
        rng,
        rng.choice(
            (
                "The effect of {factor} on {phenomenon}: evidence from {data}",
                "{phenomenon} and {factor}: a study using {method}",
                "Does {factor} explain {phenomenon}?",
                "Revisiting {phenomenon} with {method}",
            )
        ),
        pools,
    )
    authors = [_person(rng) for _ in range(rng.randint(1, 5))]
    out = [
        title,
        ", ".join(
            f"{name}{index}" if rng.random() < 0.5 else name
            for index, name in enumerate(authors, 1)
        ),
    ]
    out.extend(
        f"{index} {rng.choice(('Department of', 'School of', 'Institute for'))} "
        f"{area['field'][0].title()}, University of {_city(rng)[0]}"
        for index in range(1, rng.randint(1, 3) + 1)
    )
    out.append("")
    abstract = _paragraph(
        rng, RESEARCH_SENTENCES["Introduction"] + RESEARCH_SENTENCES["Results"], pools, 3, 6
    )
    out.extend(
        [
            "Abstract",
            *_prose(rng, [abstract]),
            "Keywords: "
            + "; ".join(rng.sample([*area["phenomenon"], *area["factor"], area["field"][0]], 4)),
            "",
        ]
    )
    target = rng.randint(350, 800)
    numbered = rng.random() < 0.7
    for number, section in enumerate(RESEARCH_SENTENCES, 1):
        paragraphs = [
            _paragraph(rng, RESEARCH_SENTENCES[section], pools, 2, 5)
            for _ in range(rng.randint(1, 3 if _words(out) < target else 1))
        ]
        out.extend(
            [f"{number} {section}" if numbered else section.upper(), *_prose(rng, paragraphs)]
        )
        if section == "Results" and rng.random() < 0.7:
            rows = [
                ["", "Estimate", "SE", "p"],
                *[
                    [
                        label,
                        f"{rng.uniform(-2, 2):.3f}",
                        f"{rng.uniform(0.01, 0.5):.3f}",
                        f"{rng.uniform(0, 0.2):.3f}",
                    ]
                    for label in ["(Intercept)", *rng.sample(area["factor"], 3)]
                ],
            ]
            out.extend(
                [f"Table 1. Estimates for {rng.choice(area['metric'])}.", *_table(rng, rows), ""]
            )
    out.append("References")
    for index in range(1, rng.randint(3, 9)):
        out.append(
            f"[{index}] {rng.choice(LAST_NAMES)}, {rng.choice(string.ascii_uppercase)}., "
            f"{rng.choice(LAST_NAMES)}, {rng.choice(string.ascii_uppercase)}. "
            f"({rng.randint(1995, 2024)}). "
            + _fill(rng, "{phenomenon} and {factor}.", pools)
            + f" Journal of {area['field'][0].title()}, "
            + f"{rng.randint(3, 80)}({rng.randint(1, 12)}), "
            + f"{rng.randint(1, 400)}-{rng.randint(401, 900)}."
        )
    return _finish(rng, out, header=title[:60], paginate=0.7)


TEXTBOOK_SUBJECTS = (
    (
        "Cell Biology",
        (
            (
                "photosynthesis",
                "the process by which plants use light energy to make glucose from carbon dioxide "
                "and water",
            ),
            ("mitosis", "the division of a cell nucleus into two identical nuclei"),
            ("osmosis", "the movement of water across a partially permeable membrane"),
            (
                "enzymes",
                "biological catalysts that speed up chemical reactions without being used up",
            ),
            ("respiration", "the release of energy from glucose in cells"),
        ),
    ),
    (
        "Introductory Economics",
        (
            (
                "opportunity cost",
                "the value of the next best alternative given up when a choice is made",
            ),
            ("elasticity", "the responsiveness of quantity demanded to a change in price"),
            ("inflation", "a sustained rise in the general price level"),
            (
                "comparative advantage",
                "the ability to produce a good at a lower opportunity cost than another producer",
            ),
            ("market equilibrium", "the price at which quantity demanded equals quantity supplied"),
        ),
    ),
    (
        "Physics: Forces and Motion",
        (
            ("velocity", "speed in a given direction"),
            ("acceleration", "the rate of change of velocity"),
            (
                "Newton's second law",
                "the principle that force equals mass multiplied by acceleration",
            ),
            ("momentum", "the product of an object's mass and velocity"),
            ("friction", "a force that opposes motion between surfaces in contact"),
        ),
    ),
    (
        "Modern History",
        (
            (
                "industrialisation",
                "the shift from agricultural economies to ones based on manufacturing",
            ),
            ("nationalism", "a belief in the shared identity and interests of a nation"),
            (
                "the Cold War",
                "the period of political tension between the United States and the Soviet Union "
                "after 1945",
            ),
            ("decolonisation", "the process by which colonies gained independence"),
            ("suffrage", "the right to vote in public elections"),
        ),
    ),
    (
        "Physical Geography",
        (
            ("erosion", "the wearing away and removal of rock and soil by water, wind or ice"),
            (
                "the water cycle",
                "the continuous movement of water between the land, sea and atmosphere",
            ),
            ("plate tectonics", "the theory that the Earth's crust is divided into moving plates"),
            ("weathering", "the breakdown of rocks in situ"),
            ("climate", "the average weather conditions of a place over a long period"),
        ),
    ),
)  # fmt: skip
TEXTBOOK_SENTENCES = (
    "In this section we look at {term} in more detail.",
    "Students often confuse {term} with {term2}, but the two are quite different.",
    "A simple example helps to make {term} concrete.",
    "Think about what happens in everyday life when {term} is involved.",
    "Scientists and scholars have studied {term} for well over a century.",
    "To understand {term}, we first need to recall what we learned about {term2}.",
    "It is important to remember that {term} does not happen in isolation.",
    "Diagrams such as Figure {n} are a useful way to summarise {term}.",
    "We will return to {term} when we discuss {term2} later in the chapter.",
    "Examiners frequently ask candidates to explain {term} using a worked example.",
)  # fmt: skip


def _textbook_chapter(rng: random.Random) -> str:
    subject, concepts = rng.choice(TEXTBOOK_SUBJECTS)
    chapter = rng.randint(1, 18)
    chosen = rng.sample(concepts, rng.randint(2, len(concepts)))
    terms = tuple(term for term, _ in concepts)
    out = [
        subject if rng.random() < 0.5 else "",
        f"Chapter {chapter}" + rng.choice((": ", "  ", "\n")) + chosen[0][0].title(),
        "",
    ]
    out.extend(
        [
            rng.choice(
                (
                    "Learning objectives",
                    "In this chapter you will learn:",
                    "By the end of this chapter you should be able to:",
                )
            ),
            *_bullets(
                rng,
                [
                    f"{rng.choice(('define', 'explain', 'describe', 'give examples of', 'apply'))} "
                    f"{term}"
                    for term, _ in chosen
                ],
            ),
            "",
        ]
    )
    for index, (term, definition) in enumerate(chosen, 1):
        pools = {
            "term": (term,),
            "term2": tuple(t for t in terms if t != term),
            "n": (f"{chapter}.{index}",),
        }
        out.append(f"{chapter}.{index} {term[0].upper() + term[1:]}")
        paragraphs = [
            f"{term[0].upper() + term[1:]} is {definition}. "
            + _paragraph(rng, TEXTBOOK_SENTENCES, pools, 2, 4)
        ]
        if rng.random() < 0.5:
            paragraphs.append(_paragraph(rng, TEXTBOOK_SENTENCES, pools, 2, 4))
        out.extend(_prose(rng, paragraphs))
        if rng.random() < 0.4:
            out.extend([f"Key term: {term} - {definition}.", ""])
        if rng.random() < 0.3:
            out.extend(
                [
                    f"Worked example {chapter}.{index}",
                    _fill(
                        rng,
                        "Consider a situation involving {term}. Identify the main factors and "
                        "explain your reasoning.",
                        pools,
                    ),
                    "",
                ]
            )
    out.append(rng.choice(("Summary", "Chapter summary", "Key points")))
    out.extend(
        _bullets(
            rng, [f"{term[0].upper() + term[1:]} is {definition}." for term, definition in chosen]
        )
    )
    out.extend(["", rng.choice(("Review questions", "Check your understanding", "Exercises"))])
    out.extend(
        _bullets(
            rng,
            [
                rng.choice(("Define", "Explain the importance of", "Give two examples of"))
                + f" {term}"
                + (f" and {rng.choice(terms)}." if rng.random() < 0.3 else ".")
                for term, _ in rng.sample(chosen, len(chosen))
            ],
            numbered=True,
        )
    )
    return _finish(rng, out, header=f"Chapter {chapter}  {subject}", paginate=0.8)


ESSAY_TOPICS = (
    (
        "social media and political participation",
        "social media has broadened political participation while deepening polarisation",
    ),
    (
        "the causes of the First World War",
        "the war was caused less by a single event than by a system of rigid alliances",
    ),
    (
        "standardised testing in schools",
        "standardised testing narrows the curriculum more than it raises standards",
    ),
    (
        "urban green spaces and wellbeing",
        "access to green space should be treated as a public health priority",
    ),
    (
        "the ethics of genetic engineering",
        "gene editing for disease prevention is justified, but enhancement is not",
    ),
    (
        "remote work and productivity",
        "remote work improves productivity for individual tasks but weakens collaboration",
    ),
    (
        "the legacy of the Industrial Revolution",
        "the Industrial Revolution's social costs were as significant as its economic gains",
    ),
    (
        "renewable energy and economic growth",
        "the transition to renewable energy can support rather than hinder growth",
    ),
)  # fmt: skip
ESSAY_SENTENCES = (
    "This essay argues that {thesis}.", "Debates about {topic} have intensified in recent years.",
    "As {author} ({year}) observes, the evidence is rarely as clear-cut as public debate suggests.",
    "Critics, however, contend that this view overlooks important counter-examples.",
    "A closer examination of the evidence reveals a more complex picture.",
    "{author} ({year}) provides a useful framework for analysing {topic}.",
    "It could be argued that the opposite is true.",
    "Nevertheless, the weight of evidence supports the claim that {thesis}.",
    "This point is illustrated by the case of {example}.",
    "Such arguments, while persuasive, rest on assumptions that deserve scrutiny.",
    "In other words, context matters a great deal.",
    "Taken together, these findings suggest that {thesis}.",
    "One limitation of this argument is that much of the research comes from a small number of "
    "countries.",
    "This raises the question of who benefits and who bears the costs.",
)  # fmt: skip


def _academic_essay(rng: random.Random) -> str:
    topic, thesis = rng.choice(ESSAY_TOPICS)
    authors = tuple(rng.sample(LAST_NAMES, 5))
    years = tuple(str(rng.randint(1985, 2024)) for _ in range(5))
    pools = {
        "topic": (topic,),
        "thesis": (thesis,),
        "author": authors,
        "year": years,
        "example": (
            "Scandinavian countries",
            "post-war Britain",
            "a large technology firm",
            "the city of Singapore",
            "rural India",
        ),
    }
    student = _person(rng)
    out = (
        []
        if rng.random() < 0.3
        else [
            student,
            rng.choice(("ENG 201", "HIST 110", "POL 230", "SOC 105", "ECON 120", "Module GY2003")),
            f"{rng.choice(('Dr', 'Prof.'))} {rng.choice(LAST_NAMES)}",
            _fmt(_day(rng), _date_style(rng)),
            "",
        ]
    )
    out.extend(
        [
            rng.choice(
                (
                    f"To what extent has {topic} changed society?",
                    f"{topic[0].upper() + topic[1:]}: a critical assessment",
                    f"Rethinking {topic}",
                    f"Essay: {topic}",
                )
            ),
            "",
        ]
    )
    target = rng.randint(300, 820)
    paragraphs = [
        _fill(rng, "Debates about {topic} have intensified in recent years. ", pools)
        + _paragraph(rng, ESSAY_SENTENCES[2:], pools, 1, 3)
        + " "
        + _fill(rng, "This essay argues that {thesis}.", pools)
    ]
    while _words(paragraphs) < target:
        paragraphs.append(_paragraph(rng, ESSAY_SENTENCES[2:], pools, 3, 7))
    paragraphs.append(
        _fill(
            rng,
            rng.choice(("In conclusion, ", "To conclude, ", "Overall, "))
            + "the evidence considered here indicates that {thesis}.",
            pools,
        )
        + " "
        + rng.choice(
            (
                "Further research is needed.",
                "Policy makers would do well to take note.",
                "The debate is far from settled.",
            )
        )
    )
    out.extend(_prose(rng, paragraphs))
    if rng.random() < 0.7:
        out.append(rng.choice(("References", "Works Cited", "Bibliography")))
        for author, year in sorted(zip(authors, years, strict=True)):
            out.append(
                f"{author}, {rng.choice(string.ascii_uppercase)}. ({year}) "
                + rng.choice(
                    (
                        f"{topic[0].upper() + topic[1:]}. {rng.choice(CITIES)[0]}: "
                        f"{rng.choice(COMPANY_STEMS)} Press.",
                        f"'Rethinking {topic}', Journal of Social Inquiry, "
                        f"{rng.randint(2, 60)}({rng.randint(1, 4)}), pp. "
                        f"{rng.randint(1, 200)}-{rng.randint(201, 400)}.",
                    )
                )
            )
    if rng.random() < 0.3:
        out.append(f"Word count: {_words(paragraphs)}")
    return _finish(rng, out, paginate=0.5)


INTERVIEW_QUESTIONS = (
    "Can you tell me a little about your background?",
    "How did you first get involved in {subject}?", "What was a typical day like?",
    "What has changed most over the years?", "What was the hardest part?",
    "Who influenced you the most?", "How did your family feel about it?",
    "What advice would you give to someone starting out?",
    "Is there anything you would do differently?", "What are you working on now?",
    "How did the community respond?", "Can you describe that moment in more detail?",
)  # fmt: skip
INTERVIEW_ANSWERS = (
    "Well, I grew up in {city}, and {subject} was everywhere when I was young.",
    "Honestly, it was a bit of an accident. A friend asked me to help out one summer and I never "
    "left.",
    "We'd start early, around six, and often we wouldn't finish until dark.",
    "The technology, mostly. But also the people - there are far fewer of us now.",
    "Money, always money. And the long hours away from home.",
    "My first boss, {name}. She taught me to take the work seriously but not myself.",
    "They were worried at first. My father thought it wasn't a proper job.",
    "Be patient. Listen more than you talk. And keep notes of everything.",
    "I'd probably have started sooner. I spent years doubting myself.",
    "A small project with young people in {city}, which I'm really excited about.",
    "Mixed, to begin with. Some people were very supportive, others were suspicious.",
    "It's hard to put into words. I remember the silence more than anything.",
    "[laughs] That's a long story.", "I think about that a lot, actually.",
)  # fmt: skip


def _interview_transcript(rng: random.Random) -> str:
    style = _date_style(rng)
    interviewee, interviewer = _person(rng), _person(rng)
    subject = rng.choice(
        (
            "fishing",
            "nursing",
            "the steel industry",
            "local politics",
            "teaching",
            "the music scene",
            "farming",
            "software startups",
            "community theatre",
        )
    )
    pools = {
        "subject": (subject,),
        "city": tuple(city for city, _, _ in CITIES),
        "name": FIRST_NAMES,
    }
    kind = rng.choice(
        (
            "Oral History Interview",
            "Interview Transcript",
            "Research Interview",
            "TRANSCRIPT",
            "Podcast Episode Transcript",
        )
    )
    out = [
        kind,
        f"Interviewee: {interviewee}",
        f"Interviewer: {interviewer}",
        f"Date: {_fmt(_day(rng), style)}",
    ]
    if rng.random() < 0.6:
        out.append(
            "Location: "
            + rng.choice(("by telephone", "video call", _city(rng)[0], "the interviewee's home"))
        )
    if rng.random() < 0.4:
        out.append(f"Duration: {rng.randint(18, 95)} minutes   Reference: {_code(rng, 'OH-####')}")
    out.append("")
    labels = rng.choice(
        (
            (interviewer.split()[-1].upper(), interviewee.split()[-1].upper()),
            ("INTERVIEWER", interviewee.split()[0].upper()),
            ("Q", "A"),
            ("I", "R"),
        )
    )
    clock = rng.randint(0, 120)
    timestamps = rng.random() < 0.4
    target = rng.randint(150, 800)
    while _words(out) < target:
        turn = []
        question = _fill(rng, rng.choice(INTERVIEW_QUESTIONS), pools)
        answers = rng.sample(INTERVIEW_ANSWERS, rng.randint(1, 4))
        answer = " ".join(_fill(rng, text, pools) for text in answers)
        for speaker, text in ((labels[0], question), (labels[1], answer)):
            stamp = (
                f"[{clock // 3600:02d}:{clock // 60 % 60:02d}:{clock % 60:02d}] "
                if timestamps
                else ""
            )
            turn.extend([f"{stamp}{speaker}: {text}", ""])
            clock += rng.randint(10, 150)
        out.extend(turn)
    out.append(rng.choice(("[END OF INTERVIEW]", "[Recording ends]", "End of transcript.", "")))
    return _finish(rng, out, header=f"{kind} - {interviewee}", paginate=0.5)


# ---------------------------------------------------------------------------------------------
# The registry and the command line


def _type(name: str, generate: Callable[[random.Random], str], *descriptions: str) -> DocumentType:
    first, second, third = descriptions
    return DocumentType(name, (first, second, third), generate)


DOCUMENT_TYPES: tuple[DocumentType, ...] = (
    _type(
        "invoice",
        _invoice,
        "bill requesting payment for goods or services",
        "itemized bill from a seller listing products or services, quantities, unit prices, "
        "tax, total amount due, invoice number and payment terms",
        "what a vendor sends a customer to ask to be paid by a due date",
    ),
    _type(
        "receipt",
        _receipt,
        "proof of payment from a shop",
        "short slip confirming a completed payment, showing store name, date, items bought, "
        "amount paid, payment method and change given",
        "what the cashier hands you after you pay, kept for returns or expense claims",
    ),
    _type(
        "contract",
        _contract,
        "legally binding agreement between parties",
        "formal agreement with numbered clauses setting out obligations, terms, payment, "
        "duration, termination conditions and signature blocks for each party",
        "used by two or more parties to put their mutual commitments in writing so they can be "
        "enforced",
    ),
    _type(
        "resume",
        _resume,
        "CV summarizing a candidate's work history",
        "one or two page summary of a person's experience, education, skills and contact "
        "details, usually with dated job entries in bullet points",
        "what job seekers submit to employers to show their qualifications",
    ),
    _type(
        "cover_letter",
        _cover_letter,
        "letter accompanying a job application",
        "one-page letter addressed to a hiring manager explaining why the applicant is "
        "interested in a specific position and suited for it",
        "sent along with a CV to introduce the candidate and argue their case for the role",
    ),
    _type(
        "business_letter",
        _business_letter,
        "formal letter between companies or organizations",
        "formal correspondence on company letterhead with sender and recipient addresses, date, "
        "salutation, body paragraphs, closing and signature",
        "how an organization communicates officially on paper with a client, supplier or "
        "another firm",
    ),
    _type(
        "email",
        _email,
        "electronic mail message",
        "message with header fields such as From, To, Subject and Date, followed by a greeting, "
        "usually brief body text and a sign-off",
        "what people send each other through an inbox, often with earlier replies quoted below",
    ),
    _type(
        "short_story",
        _short_story,
        "brief work of fiction",
        "narrative prose fiction with characters, a setting and a plot, short enough to be read "
        "in one sitting, often with dialogue",
        "something a writer publishes in a literary magazine or anthology to tell an invented tale",
    ),
    _type(
        "poem",
        _poem,
        "verse written in lines and stanzas",
        "literary text arranged in short lines and stanzas, often using rhyme, meter, rhythm "
        "and imagery to convey emotion or ideas",
        "creative writing meant to be read aloud or savored for its sound and imagery",
    ),
    _type(
        "recipe",
        _recipe,
        "cooking instructions for a dish",
        "list of ingredients with quantities followed by numbered preparation steps, cooking "
        "times, temperatures and number of servings",
        "what home cooks follow in the kitchen to prepare a meal or bake something",
    ),
    _type(
        "user_manual",
        _user_manual,
        "instructions for operating a product",
        "guide shipped with a device or software explaining setup, features, step-by-step "
        "operation, safety warnings and troubleshooting, often with diagrams",
        "the booklet you consult when you cannot figure out how your appliance works",
    ),
    _type(
        "research_paper",
        _research_paper,
        "scholarly article reporting original research",
        "peer-reviewed publication with abstract, introduction, methods, results, discussion "
        "and references, presenting new experimental or analytical findings",
        "how scientists share new findings with their field through journals or conferences",
    ),
    _type(
        "textbook_chapter",
        _textbook_chapter,
        "section of an educational book",
        "instructional text organized around a topic with learning objectives, explanations, "
        "worked examples, figures, summaries and end-of-chapter exercises",
        "assigned reading that teaches students the fundamentals of a subject in a course",
    ),
    _type(
        "annual_report",
        _annual_report,
        "company's yearly report to shareholders",
        "publication reviewing a company's performance over the fiscal year, including a letter "
        "from the CEO, highlights, audited financial statements and outlook",
        "what a corporation publishes each year so investors can see how it performed",
    ),
    _type(
        "bank_statement",
        _bank_statement,
        "monthly summary of account transactions",
        "periodic record from a bank listing deposits, withdrawals, card payments and transfers "
        "with dates, plus opening and closing balances",
        "what your bank sends you to show what moved in and out of your account",
    ),
    _type(
        "tax_form",
        _tax_form,
        "official form for reporting taxes",
        "government form with numbered boxes and lines for income, deductions, credits and tax "
        "owed, such as an IRS 1040 or W-2",
        "filled in by taxpayers or employers and filed with the tax authority",
    ),
    _type(
        "application_form",
        _application_form,
        "blank form to apply for something",
        "form with labeled fields and checkboxes for name, address, date of birth and other "
        "details, submitted to request membership, a permit or admission",
        "what an applicant fills out and signs to request a service, license, loan or place",
    ),
    _type(
        "statistics_table",
        _statistics_table,
        "table of numerical statistics",
        "grid of figures arranged in rows and columns with headers, such as counts, percentages "
        "or rates broken down by year, region or category",
        "what a statistics office publishes to present survey or census data",
    ),
    _type(
        "ledger",
        _ledger,
        "bookkeeping record of accounts",
        "accounting book listing financial entries by date with account names, descriptions, "
        "debit and credit columns and running balances",
        "where an accountant records every transaction before closing the books",
    ),
    _type(
        "meeting_minutes",
        _meeting_minutes,
        "official record of a meeting",
        "notes of a meeting listing date, attendees, agenda items, discussion points, decisions "
        "taken, action items and the time of adjournment",
        "written up by the secretary afterwards so everyone knows what was agreed",
    ),
    _type(
        "court_transcript",
        _court_transcript,
        "verbatim record of court proceedings",
        "word-for-word transcription of a trial or hearing, with speaker labels such as THE "
        "COURT, counsel and witness, plus page and line numbers",
        "produced by a court reporter and used by lawyers for appeals and case review",
    ),
    _type(
        "government_notice",
        _government_notice,
        "public announcement from a government agency",
        "official notice issued by a ministry, council or agency informing the public of a new "
        "rule, deadline, hearing or change, citing legal authority",
        "how authorities inform citizens or residents about something they must know or do",
    ),
    _type(
        "policy_document",
        _policy_document,
        "organizational rules and guidelines",
        "statement of an organization's official policy, with purpose, scope, definitions, "
        "rules, responsibilities, compliance requirements and an effective date",
        "what HR or management issues so staff know the rules they must follow",
    ),
    _type(
        "medical_report",
        _medical_report,
        "clinical report about a patient",
        "record from a doctor or lab describing a patient's history, examination findings, test "
        "results, diagnosis and recommended treatment",
        "written by physicians to document a patient's condition for other clinicians or insurers",
    ),
    _type(
        "price_list",
        _price_list,
        "list of products and their prices",
        "catalog-style listing of items or services with product codes, descriptions and unit "
        "prices, sometimes with volume discounts and validity dates",
        "what a supplier hands out so customers know what things cost",
    ),
    _type(
        "brochure",
        _brochure,
        "promotional leaflet or pamphlet",
        "folded glossy marketing piece with photos, headlines and short text describing a "
        "company, product, destination or service, plus contact info",
        "handed out at events or reception desks to attract customers or visitors",
    ),
    _type(
        "press_release",
        _press_release,
        "official news announcement for media",
        "statement for journalists with a headline, dateline, lead paragraph, quotes from "
        "executives, boilerplate about the company and a media contact",
        "what a company's PR team distributes to get news coverage of an announcement",
    ),
    _type(
        "presentation_slides",
        _presentation_slides,
        "slide deck for a talk",
        "series of slides with titles, short bullet points, charts and images, as exported from "
        "PowerPoint or Google Slides",
        "what a speaker projects on screen during a meeting, lecture or pitch",
    ),
    _type(
        "certificate",
        _certificate,
        "official document certifying an achievement",
        "formal award with decorative border, recipient name, statement of completion or "
        "qualification, date, seal and authorized signatures",
        "given to someone as proof they completed a course, earned an award or hold a status",
    ),
    _type(
        "insurance_policy",
        _insurance_policy,
        "insurance coverage terms and conditions",
        "contract from an insurer specifying the policyholder, insured items, coverage limits, "
        "premiums, deductibles, exclusions and claim procedures",
        "what an insurance company issues to explain what it will pay for and when",
    ),
    _type(
        "purchase_order",
        _purchase_order,
        "buyer's order for goods from a supplier",
        "form with a PO number issued by a buyer listing requested items, quantities, agreed "
        "prices, delivery address and required date",
        "sent by a purchasing department to a vendor to authorize a purchase before delivery",
    ),
    _type(
        "delivery_note",
        _delivery_note,
        "packing slip accompanying a shipment",
        "note sent with delivered goods listing items and quantities shipped, order reference "
        "and delivery address, usually without prices, with a signature line",
        "signed by the recipient on arrival to confirm the goods were received",
    ),
    _type(
        "timetable",
        _timetable,
        "schedule of departure and arrival times",
        "grid of times for buses, trains or classes, showing stops or periods with the hour at "
        "which each service or lesson occurs",
        "what commuters or students check to know when something runs or takes place",
    ),
    _type(
        "travel_itinerary",
        _travel_itinerary,
        "trip plan with flights and hotels",
        "day-by-day plan for a journey listing flight numbers, departure times, hotel bookings, "
        "confirmation codes and planned activities",
        "sent by a travel agent or booking site so the traveler knows where to be and when",
    ),
    _type(
        "restaurant_menu",
        _restaurant_menu,
        "dishes and drinks offered at a restaurant",
        "list of dishes grouped into starters, mains, desserts and drinks, each with a short "
        "description and price",
        "what diners read at the table to decide what to order",
    ),
    _type(
        "memo",
        _memo,
        "internal office memorandum",
        "short internal note with TO, FROM, DATE and SUBJECT lines, followed by a concise "
        "message about a decision, update or request",
        "how a manager informs staff within the same organization about something",
    ),
    _type(
        "technical_specification",
        _technical_specification,
        "detailed technical requirements for a product",
        "engineering document defining requirements, dimensions, tolerances, interfaces, "
        "performance parameters and standards a system or component must meet",
        "what engineers write so developers or manufacturers know exactly what to build",
    ),
    _type(
        "source_code",
        _source_code,
        "computer program code",
        "text written in a programming language such as Python, Java or C, with functions, "
        "variables, imports, control flow and comments",
        "what software developers write and compile or run to make a program work",
    ),
    _type(
        "interview_transcript",
        _interview_transcript,
        "written record of an interview conversation",
        "question-and-answer dialogue with alternating interviewer and interviewee labels, "
        "sometimes timestamps, transcribed from an audio or video recording",
        "used by journalists or researchers to quote and analyze what someone said",
    ),
    _type(
        "job_advertisement",
        _job_advertisement,
        "job vacancy posting",
        "announcement of an open position listing the job title, company, responsibilities, "
        "required qualifications, salary, location and how to apply",
        "what employers post on job boards to recruit candidates",
    ),
    _type(
        "lease",
        _lease,
        "rental agreement for property",
        "agreement between landlord and tenant specifying the property, monthly rent, deposit, "
        "lease term, maintenance duties and rules for use",
        "signed when someone rents an apartment, house or office space",
    ),
    _type(
        "academic_essay",
        _academic_essay,
        "student essay arguing a thesis",
        "structured argumentative piece with an introduction stating a thesis, body paragraphs "
        "supporting it with evidence, a conclusion and citations",
        "what a student writes for a course assignment and hands in to be graded",
    ),
)


def document_seed(seed: int, name: str, index: int) -> int:
    """The seed of one document: stable across runs and Python versions, and independent of
    which other types exist (no salted ``hash()``)."""
    digest = hashlib.sha256(f"{seed}:{name}:{index}".encode()).digest()
    return int.from_bytes(digest[:8], "big")


def generate_documents(per_type: int, seed: int) -> list[SyntheticDocument]:
    """``per_type`` documents of every type, in type order; the same seed gives the same documents.

    Each document gets its own ``random.Random`` derived from (seed, type name, index), so that
    adding a type or changing ``per_type`` does not change the other documents.

    Example::

        documents = generate_documents(per_type=50, seed=0)
        documents[0].type  # "invoice"
    """
    return [
        SyntheticDocument(
            kind.name, kind.generate(random.Random(document_seed(seed, kind.name, index)))
        )
        for kind in DOCUMENT_TYPES
        for index in range(per_type)
    ]


_OCR_CONFUSIONS = (("rn", "m"), ("m", "rn"), ("l", "1"), ("O", "0"), ("e", "c"), ("fi", "f i"))


def roughen(documents: Sequence[SyntheticDocument], seed: int) -> list[SyntheticDocument]:
    """The same documents made as untidy as real PDF text, each in one to three ways.

    Real extracted text is messier than a template's: two columns read across, running
    headers and footers, a page of another kind bound in (a cover sheet, terms and
    conditions, an attached form), words hyphenated across lines, and OCR slips. Each
    document keeps its type; what is bound in comes from a document of another type.

    Example::

        rough = roughen(generate_documents(per_type=4, seed=0), seed=0)
    """
    roughened = []
    for index, document in enumerate(documents):
        rng = random.Random(document_seed(seed, "roughen:" + document.type, index))
        lines = document.text.splitlines()
        ways = rng.sample(range(5), k=rng.randint(1, 3))
        for way in sorted(ways):
            if way == 0:
                lines = _read_across_columns(lines, rng)
            elif way == 1:
                lines = _running_furniture(lines, rng)
            elif way == 2:
                others = [d for d in documents if d.type != document.type]
                if others:
                    lines = _bind_in(lines, rng.choice(others).text.splitlines(), rng)
            elif way == 3:
                lines = _hyphenate(lines, rng)
            else:
                lines = _ocr_slips(lines, rng)
        roughened.append(SyntheticDocument(document.type, "\n".join(lines) + "\n"))
    return roughened


def _read_across_columns(lines: list[str], rng: random.Random) -> list[str]:
    """A block of lines set in two columns and read straight across, line by line."""
    if len(lines) < 8:
        return lines
    size = rng.randint(8, min(len(lines), 40)) // 2 * 2
    start = rng.randint(0, len(lines) - size)
    left, right = lines[start : start + size // 2], lines[start + size // 2 : start + size]
    across = [f"{a}   {b}".strip() for a, b in zip(left, right, strict=True)]
    return lines[:start] + across + lines[start + size :]


def _running_furniture(lines: list[str], rng: random.Random) -> list[str]:
    """A running header and a page footer every 25 to 45 lines."""
    header = next((line.strip() for line in lines if line.strip()), "")[:60]
    every = rng.randint(25, 45)
    stamp = rng.choice(("Page {n}", "- {n} -", "{n}", "Ref. {ref}  Page {n}", "CONFIDENTIAL  {n}"))
    ref = f"{rng.choice(string.ascii_uppercase)}{rng.randint(1000, 99999)}"
    out = []
    for n, start in enumerate(range(0, len(lines), every), start=1):
        out += [header, *lines[start : start + every], stamp.format(n=n, ref=ref)]
    return out


def _bind_in(lines: list[str], other: list[str], rng: random.Random) -> list[str]:
    """A stretch of another document (10 to 25% of this one's length) bound in."""
    size = max(3, len(lines) * rng.randint(10, 25) // 100)
    start = rng.randint(0, max(0, len(other) - size))
    at = rng.choice((0, len(lines), rng.randint(0, len(lines))))
    return lines[:at] + other[start : start + size] + lines[at:]


def _hyphenate(lines: list[str], rng: random.Random) -> list[str]:
    """Long lines wrapped at 40 to 70 characters, some words split with a hyphen."""
    width = rng.randint(40, 70)
    out = []
    for line in lines:
        while len(line) > width:
            cut = line.rfind(" ", 0, width)
            if cut <= 0:
                break
            word_end = line.find(" ", cut + 1)
            word = line[cut + 1 : word_end if word_end > 0 else len(line)]
            if len(word) >= 8 and rng.random() < 0.5:
                half = len(word) // 2
                out.append(line[: cut + 1] + word[:half] + "-")
                line = word[half:] + line[cut + 1 + len(word) :]
            else:
                out.append(line[:cut])
                line = line[cut + 1 :]
        out.append(line)
    return out


def _ocr_slips(lines: list[str], rng: random.Random) -> list[str]:
    """One word in 30 to one in 12 misread, as optical character recognition does."""
    rate = rng.uniform(1 / 30, 1 / 12)
    out = []
    for line in lines:
        words = line.split(" ")
        for i, word in enumerate(words):
            if len(word) > 2 and rng.random() < rate:
                found = [(a, b) for a, b in _OCR_CONFUSIONS if a in word]
                if found:
                    a, b = rng.choice(found)
                    words[i] = word.replace(a, b, 1)
                else:
                    cut = rng.randrange(len(word))
                    words[i] = word[:cut] + word[cut + 1 :]
        out.append(" ".join(words))
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--per-type", type=int, default=50, help="documents per type")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", type=Path, help="write DIR/<type>/<index:03d>.txt")
    parser.add_argument("--show", metavar="TYPE", help="print one document of this type and exit")
    args = parser.parse_args(argv)
    names = [kind.name for kind in DOCUMENT_TYPES]
    if args.show is not None:
        if args.show not in names:
            parser.error(f"unknown type {args.show!r}; choose from: {', '.join(names)}")
        kind = DOCUMENT_TYPES[names.index(args.show)]
        sys.stdout.write(kind.generate(random.Random(document_seed(args.seed, kind.name, 0))))
        return 0
    if args.out is None:
        parser.error("--out is required unless --show is given")
    if args.per_type < 1:
        parser.error("--per-type must be at least 1")
    counts: dict[str, int] = {}
    for index_in_type, document in _numbered(generate_documents(args.per_type, args.seed)):
        folder = args.out / document.type
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{index_in_type:03d}.txt").write_text(document.text, encoding="utf-8")
        counts[document.type] = counts.get(document.type, 0) + 1
    for name, count in counts.items():
        print(f"{name:<26} {count}")
    print(f"{sum(counts.values())} documents of {len(counts)} types written to {args.out}")
    return 0


def _numbered(documents: Sequence[SyntheticDocument]) -> list[tuple[int, SyntheticDocument]]:
    seen: dict[str, int] = {}
    numbered = []
    for document in documents:
        numbered.append((seen.get(document.type, 0), document))
        seen[document.type] = seen.get(document.type, 0) + 1
    return numbered


if __name__ == "__main__":
    sys.exit(main())
