// Removes up to $limit Name and Suggestion nodes (and their edges): a names load starts
// from none, so a load cut short is redone whole. The caller repeats until 0.
CALL () {
  MATCH (n:Name) WITH n LIMIT $limit DETACH DELETE n RETURN count(*) AS removed
  UNION ALL
  MATCH (s:Suggestion) WITH s LIMIT $limit DETACH DELETE s RETURN count(*) AS removed
}
RETURN sum(removed) AS removed
