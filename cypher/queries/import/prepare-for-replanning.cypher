// Resamples the indexes and clears the query caches, so the next statements are planned on
// today's statistics. Run after the first batch of a bulk load: until the indexes are
// resampled, the planner's statistics say the Code indexes are empty while the label
// already counts thousands of codes, and the load's statements, re-planned on that, ran
// 5-10x slower for most of a release (seen three times: 90 s to a 120 s timeout).
CALL db.prepareForReplanning(60)
