-- intarray: fast intersection of skill-code arrays (icount(a & b)) in the matcher.
-- Like the others, created by a superuser on PostgreSQL if the application's role cannot.
CREATE EXTENSION IF NOT EXISTS intarray;
