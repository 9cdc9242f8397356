"""Names for the demo's guests and team: French names with their accents
(é è ê ë ï ô ç œ), a few from further away (ł ś ř ş), apostrophes and hyphens,
so the terminal's fonts and text handling meet Latin-1 and Latin Extended-A."""

FIRST_NAMES = [
    "Hélène", "Éloïse", "Zoé", "Chloé", "Maëlle", "Anaïs", "Gaëlle", "Noémie", "Léa", "Inès",
    "Béatrice", "Cécile", "Agnès", "Françoise", "Jérôme", "François", "Grégoire", "Benoît",
    "Loïc", "Raphaël", "Mathéo", "Joël", "Hervé", "Frédéric", "Stéphane", "Aurélien", "Théo",
    "Clément", "Amélie", "Solène", "Margaux", "Camille", "Louis", "Hugo", "Arthur", "Jules",
    "Manon", "Juliette", "Pauline", "Thomas", "Nicolas", "Antoine", "Élodie", "Céline",
    "Sébastien", "Rémi", "Mélanie", "Valérie", "Océane", "Cléa", "Timothée", "Aimé", "Noël",
    "Joséphine", "Émile", "Adèle", "Bérénice", "Anne-Sophie", "Jean-Hervé", "Marie-Thérèse",
]

LAST_NAMES = [
    "Lefèvre", "Bézier", "Gauthier", "Ménard", "Bénard", "Lhôte", "Côté", "Lebœuf", "Lœuillet",
    "Cœurdevey", "Françon", "Lançon", "Desprès", "Moreau", "Dubois", "Laurent", "Girard",
    "Roussel", "Mercier", "Faure", "André", "Rivière", "Hébert", "Prévost", "Boucher",
    "Chevalier", "Leclerc", "Lemaître", "Deschênes", "Brûlé", "Gaillard", "Perrin", "Vallée",
    "Thévenet", "Bréhier", "Guérin", "Séverin", "Dumoulin", "Béranger", "Marchal", "Barbé",
    "Mallet", "Jégou", "Le Goff", "Lévêque", "Delaître", "Aubé", "Forêt", "d'Arcy", "N'Diaye",
]

# Guests from abroad: Latin Extended-A beyond œ.
INTERNATIONAL = ["Łucja Wiśniewska", "Tomáš Dvořák", "Ştefan Popescu", "Zoë O'Brien", "Jürgen Schäfer"]

# allowed_tabs: empty = the role's defaults (engine/permissions.hpp: a Server
# gets floor and waitlist); Léa, chef de rang, also takes bookings.
TEAM = [  # key, role, display name, email, demo PIN, allowed_tabs override
    ("admin", "Admin", "Camille Rousseau", "camille@comptoir-des-halles.example.com", "1234", []),
    ("manager", "Manager", "Julien Moreau", "julien@comptoir-des-halles.example.com", "2468", []),
    ("server-lea", "Server", "Léa Fontaine", "", "1111", ["floor", "reservations", "waitlist"]),
    ("server-mehdi", "Server", "Mehdi Benali", "", "2222", []),
    ("server-chloe", "Server", "Chloé Martin", "", "3333", []),
]

RESERVATION_TAGS = ["Anniversaire", "Business", "Chaise haute", "Première visite", "Terrasse", "Calme"]

RESERVATION_NOTES = [
    "Anniversaire : bougie sur le dessert",
    "Préfère la banquette",
    "Avec poussette",
    "Petit chien",
    "Allergie aux fruits à coque",
    "Sans gluten",
    "Végétarien",
    "Arrivera peut-être un peu en retard",
    "Demande une table au calme",
    "Client fidèle, offrir le café",
]

ALLERGY_NOTES = ["Allergie : arachides", "Allergie : crustacés", "Intolérance au lactose",
                 "Cœliaque, sans gluten strict"]
