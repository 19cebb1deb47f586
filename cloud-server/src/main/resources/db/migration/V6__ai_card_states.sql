-- What the team decided on an answer's strategy cards (JSON object card id -> accepted or dismissed; null: none).
alter table ai_insights add column card_states varchar;
