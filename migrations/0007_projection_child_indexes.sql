-- Every write rebuilds one child's projections: find that child's rows without scanning the LA's.
CREATE INDEX contact_by_child ON contact (la_code, child_id);
CREATE INDEX assessment_by_child ON assessment (la_code, child_id);
CREATE INDEX section_47_enquiry_by_child ON section_47_enquiry (la_code, child_id);
CREATE INDEX cp_plan_by_child ON cp_plan (la_code, child_id);
