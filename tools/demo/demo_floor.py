"""The demo restaurant's rooms: floor plans, zones, tables and combinations.

Canvas units: about 1000 x 700 per floor plan. A table's position_x/position_y
is the top-left corner of its unrotated rectangle (a round table: of its
bounding square); rotation is in degrees, clockwise, about the table's centre.
Tables of one combination stand 20 units apart so they can be pushed together.
"""

PLANS = [  # key, name, sort_order
    ("main", "Salle principale", 0),
    ("terrace", "Terrasse", 1),
]

ZONES = [  # key, plan, name, colour, x, y, width, height, sort_order
    ("salle", "main", "Salle", "#E9D8B4", 20, 20, 600, 660, 0),
    ("mezzanine", "main", "Mezzanine", "#B9D3EA", 660, 20, 320, 660, 1),
    ("terrasse", "terrace", "Terrasse", "#C5E1A5", 20, 20, 960, 660, 0),
]

# fill_group: the auto-assignment fills the Salle first, the terrace last
# (a heated terrace in November).
FILL_GROUP = {"salle": 1, "mezzanine": 2, "terrasse": 3}

# chair_sides: 1 top, 2 right, 4 bottom, 8 left (in the table's own frame)
TOP_BOTTOM, LEFT_RIGHT, ALL_SIDES = 1 | 4, 2 | 8, 15

TABLES = [  # name, zone, shape, x, y, w, h, rotation, cap_min, cap_max, chair_sides
    # Salle: 2-tops on the banquette along the window (the banquette is the top side)
    ("1", "salle", "square", 50, 50, 70, 70, 0, 1, 2, TOP_BOTTOM),
    ("2", "salle", "square", 140, 50, 70, 70, 0, 1, 2, TOP_BOTTOM),
    ("3", "salle", "square", 230, 50, 70, 70, 0, 1, 2, TOP_BOTTOM),
    ("4", "salle", "square", 370, 50, 70, 70, 0, 1, 2, TOP_BOTTOM),
    ("5", "salle", "square", 460, 50, 70, 70, 0, 1, 2, TOP_BOTTOM),
    # Salle: a row of square 4-tops that join into a long table
    ("6", "salle", "square", 50, 200, 90, 90, 0, 2, 4, ALL_SIDES),
    ("7", "salle", "square", 160, 200, 90, 90, 0, 2, 4, ALL_SIDES),
    ("8", "salle", "square", 270, 200, 90, 90, 0, 2, 4, ALL_SIDES),
    ("9", "salle", "round", 460, 190, 100, 100, 0, 2, 4, ALL_SIDES),
    ("10", "salle", "round", 460, 350, 100, 100, 0, 2, 4, ALL_SIDES),
    ("11", "salle", "rectangular", 50, 370, 140, 80, 0, 4, 6, ALL_SIDES),
    ("12", "salle", "rectangular", 210, 370, 140, 80, 0, 4, 6, ALL_SIDES),
    ("13", "salle", "rectangular", 50, 540, 200, 90, 0, 6, 8, ALL_SIDES),
    ("14", "salle", "square", 330, 550, 90, 90, 45, 2, 4, ALL_SIDES),
    ("15", "salle", "round", 500, 560, 70, 70, 0, 1, 2, LEFT_RIGHT),
    # Mezzanine: 2-tops along the balustrade, round 4-tops, two long 4-tops
    ("20", "mezzanine", "square", 700, 60, 70, 70, 0, 1, 2, LEFT_RIGHT),
    ("21", "mezzanine", "square", 700, 150, 70, 70, 0, 1, 2, LEFT_RIGHT),
    ("22", "mezzanine", "square", 700, 240, 70, 70, 0, 1, 2, LEFT_RIGHT),
    ("23", "mezzanine", "round", 840, 60, 100, 100, 0, 2, 4, ALL_SIDES),
    ("24", "mezzanine", "round", 840, 210, 100, 100, 0, 2, 4, ALL_SIDES),
    ("25", "mezzanine", "rectangular", 700, 380, 120, 80, 90, 2, 4, TOP_BOTTOM),
    ("26", "mezzanine", "rectangular", 700, 520, 120, 80, 90, 2, 4, TOP_BOTTOM),
    ("27", "mezzanine", "round", 830, 370, 130, 130, 0, 4, 6, ALL_SIDES),
    ("28", "mezzanine", "round", 860, 570, 70, 70, 0, 1, 2, LEFT_RIGHT),
    # Terrasse: bistro 2-tops along the facade, square 4-tops, two long 6-tops
    ("30", "terrasse", "round", 60, 60, 65, 65, 0, 1, 2, LEFT_RIGHT),
    ("31", "terrasse", "round", 185, 60, 65, 65, 0, 1, 2, LEFT_RIGHT),
    ("32", "terrasse", "round", 310, 60, 65, 65, 0, 1, 2, LEFT_RIGHT),
    ("33", "terrasse", "round", 435, 60, 65, 65, 0, 1, 2, LEFT_RIGHT),
    ("34", "terrasse", "square", 60, 240, 80, 80, 0, 2, 4, ALL_SIDES),
    ("35", "terrasse", "square", 160, 240, 80, 80, 0, 2, 4, ALL_SIDES),
    ("36", "terrasse", "square", 260, 240, 80, 80, 0, 2, 4, ALL_SIDES),
    ("37", "terrasse", "rectangular", 500, 250, 160, 80, 0, 4, 6, ALL_SIDES),
    ("38", "terrasse", "rectangular", 680, 250, 160, 80, 0, 4, 6, ALL_SIDES),
    ("39", "terrasse", "square", 600, 480, 80, 80, 45, 2, 4, ALL_SIDES),
]

# Declared combinations: key -> seats, written on every member table.
COMBINATIONS = {
    "1+2": 4,
    "1+2+3": 6,
    "4+5": 4,
    "7+8": 6,
    "6+7+8": 10,
    "11+12": 10,
    "20+21": 4,
    "21+22": 4,
    "25+26": 8,
    "34+35": 6,
    "35+36": 6,
    "37+38": 10,
}

# The demo day's temporary table on the terrace and the table blocked that day.
EXTRA_TABLE = ("40", "terrasse", "round", 800, 520, 70, 70, 0, 1, 2, LEFT_RIGHT)
BLOCKED_TABLE = "24"
