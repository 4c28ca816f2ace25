// Codes by ref ("SYSTEM:codeKey"), in the order of $keys; items is [] when absent.
UNWIND $keys AS key
WITH key, split(key, ':') AS p
OPTIONAL MATCH (c:Code {system: p[0], codeKey: p[1]})
RETURN key, CASE WHEN c IS NULL THEN [] ELSE [c {.*}] END AS items
