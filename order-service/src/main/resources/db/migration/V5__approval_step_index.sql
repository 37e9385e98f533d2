-- Approval steps become an indexed list (position within the order, all rounds in order), so a
-- decision updates its one row instead of rewriting the order's whole chain.
ALTER TABLE approval_step ADD COLUMN step_index INT;

UPDATE approval_step s
   SET step_index = n.idx
  FROM (SELECT order_id, round, step_no,
               row_number() OVER (PARTITION BY order_id ORDER BY round, step_no) - 1 AS idx
          FROM approval_step) n
 WHERE s.order_id = n.order_id AND s.round = n.round AND s.step_no = n.step_no;

ALTER TABLE approval_step ALTER COLUMN step_index SET NOT NULL;
ALTER TABLE approval_step ADD CONSTRAINT approval_step_position UNIQUE (order_id, step_index);
