"""Board meetings: slides, packs (PowerPoint, PDF) and meeting records."""
