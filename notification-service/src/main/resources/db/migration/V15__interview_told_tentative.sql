-- Whether an interview's last REQUEST was tentative (its Cal.com booking waited for the host's confirmation): once Cal.com
-- confirms it, everyone gets the firm invitation, not only the team.
ALTER TABLE interview_state ADD COLUMN told_tentative BOOLEAN NOT NULL DEFAULT false;
