// After a re-import: removes nodes an earlier version of a page had created that no code
// points at any more. Curated vocabulary and codes from the release files stay.
UNWIND $targets AS eid
MATCH (n) WHERE elementId(n) = eid
  AND NOT coalesce(n.curated, false)
  AND (NOT n:Code OR (coalesce(n.stub, false) AND NOT coalesce(n.hasPage, false)))
  AND NOT EXISTS { (n)<-[]-(:Code) }
DETACH DELETE n
RETURN count(*) AS deleted
