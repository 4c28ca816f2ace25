// The element id of the node a global id names: a Code by (system, codeKey), else a
// vocabulary node by label and key. One index seek per branch; $label picks the branch.
CALL () {
  MATCH (n:Code {system: $system, codeKey: $codeKey}) WHERE $label = 'Code' RETURN n
  UNION MATCH (n:Risk {key: $key}) WHERE $label = 'Risk' RETURN n
  UNION MATCH (n:BodyRegion {key: $key}) WHERE $label = 'BodyRegion' RETURN n
  UNION MATCH (n:PersonnelRole {key: $key}) WHERE $label = 'PersonnelRole' RETURN n
  UNION MATCH (n:Setting {key: $key}) WHERE $label = 'Setting' RETURN n
  UNION MATCH (n:Indication {key: $key}) WHERE $label = 'Indication' RETURN n
  UNION MATCH (n:Policy {key: $key}) WHERE $label = 'Policy' RETURN n
}
RETURN elementId(n) AS eid, labels(n)[0] AS label, n.key AS key, n.system AS system, n.codeKey AS codeKey,
       coalesce(n.name, n.title, n.text, n.code) AS name, n.code AS code
LIMIT 1
