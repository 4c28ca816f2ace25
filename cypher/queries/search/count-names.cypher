// How many names are loaded (start-up seeding loads them when there are none).
MATCH (n:Name) RETURN count(n) AS names
