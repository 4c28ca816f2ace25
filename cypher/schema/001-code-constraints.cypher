// One Code per (system, codeKey). codeKey is the code without dot, upper case (M62830);
// the published form (M62.830) is Code.code. Also gives the (system, codeKey) lookup index.
CREATE CONSTRAINT code_system_key IF NOT EXISTS
FOR (c:Code) REQUIRE (c.system, c.codeKey) IS UNIQUE;
