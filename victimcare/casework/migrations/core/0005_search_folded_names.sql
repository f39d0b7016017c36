-- Search finds a name whatever separator is typed for the middle dot (· ・ . • ‧, spaces, hyphens) and
-- with or without a variation selector: each search document also holds its names and their pinyin folded
-- (victimcare.domain.names.search_fold: without those characters), and the case list folds the query alike.
-- Documents written before hold only the names as typed: the folded forms are added to those whose names
-- hold such a character. The code points below are names.SEARCH_SEPARATORS, whitespace and the variation
-- selectors U+FE00-FE0F and U+E0100-E01EF (a test checks the two lists agree).
CREATE TEMP TABLE fold_names AS
SELECT case_id, txt FROM (
    SELECT id AS case_id, name AS txt FROM cases
    UNION ALL SELECT case_id, alias FROM aliases
    UNION ALL SELECT id, name_pinyin FROM cases
    UNION ALL SELECT case_id, pinyin FROM aliases)
WHERE txt GLOB '*[' || char(0x9, 0xA, 0xD, 0x20, 0x2E, 0xA0, 0xB7, 0x387, 0x16EB, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2022, 0x2027, 0x2043, 0x2212, 0x2219, 0x22C5, 0x2E31, 0x3000, 0x30A0, 0x30FB, 0xA78F, 0xFE58, 0xFE63, 0xFF0D, 0xFF0E, 0xFF65)
                    || char(0xFE00) || '-' || char(0xFE0F) || char(0xE0100) || '-' || char(0xE01EF) || '-]*';

WITH RECURSIVE walk(case_id, txt, rest, out) AS (
    SELECT case_id, txt, txt, '' FROM fold_names
    UNION ALL
    SELECT case_id, txt, substr(rest, 2),
           out || CASE WHEN unicode(rest) IN (0x9, 0xA, 0xD, 0x20, 0x2D, 0x2E, 0xA0, 0xB7, 0x387, 0x16EB, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2022, 0x2027, 0x2043, 0x2212, 0x2219, 0x22C5, 0x2E31, 0x3000, 0x30A0, 0x30FB, 0xA78F, 0xFE58, 0xFE63, 0xFF0D, 0xFF0E, 0xFF65)
                         OR unicode(rest) BETWEEN 0xFE00 AND 0xFE0F OR unicode(rest) BETWEEN 0xE0100 AND 0xE01EF
                       THEN '' ELSE substr(rest, 1, 1) END
    FROM walk WHERE rest != '')
UPDATE search_docs SET doc = doc || coalesce(
    (SELECT group_concat(' | ' || out, '') FROM (SELECT DISTINCT case_id, out FROM walk
                                                 WHERE rest = '' AND out != '' AND out != txt) w
     WHERE w.case_id = search_docs.case_id), '')
WHERE case_id IN (SELECT case_id FROM fold_names);

DROP TABLE fold_names;
