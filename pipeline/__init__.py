"""goalpost: official targets vs reported results."""
