// The conversion table's "Previous Code(s) Assignment" as written, on the new code (its
// edges cover the codes it names; this keeps ranges of categories and phrases).
UNWIND $rows AS x
MATCH (c:Code {system: $system, codeKey: x.newKey})
SET c.previousAssignment = x.text, c.previousAssignmentRelease = x.release
RETURN count(*) AS codes
