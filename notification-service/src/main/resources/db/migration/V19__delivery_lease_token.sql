-- Fences a delivery's claim (as reminder.lease_token and bounce_alert.lease_token do): each claim writes a new token, a
-- sender renews its lease just before it sends and only while its token still holds, and gives the delivery back or
-- parks it only while the token holds. A sender whose lease ran out (a slow SMTP server) and whose delivery another
-- replica took therefore neither sends it again nor settles it a second time. A release without it claims rows without
-- writing a token: while both run side by side in a rollout, a delivery whose lease ran out can still go out twice.
ALTER TABLE delivery ADD COLUMN lease_token UUID;
