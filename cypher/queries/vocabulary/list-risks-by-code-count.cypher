// Risks that at least one code has, most widely shared first (then by name), one page, with the total.
MATCH (r:Risk)
WITH r, COUNT { (r)<-[:HAS_RISK]-(:Code) } AS codeCount
WHERE codeCount > 0
WITH r, codeCount ORDER BY codeCount DESC, r.name
WITH collect({risk: r {.*}, codeCount: codeCount}) AS matched
RETURN size(matched) AS total, matched[$skip..($skip + $first)] AS page
