// Indication nodes by key, in the order of $keys; items is [] when absent.
UNWIND $keys AS key
OPTIONAL MATCH (t:Indication {key: key})
RETURN key, CASE WHEN t IS NULL THEN [] ELSE [t {.*}] END AS items
