-- A startup's page lists its interviews (GET /api/interviews?startupId=).
CREATE INDEX interview_startup ON interview (startup_id);
