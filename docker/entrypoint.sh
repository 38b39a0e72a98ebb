#!/bin/sh
# The knowledge base lives on the data volume (KNOWLEDGE_DIR=/data/knowledge), where
# the knowledge console writes it. On the first start it is seeded from the image's
# copy (SEED_KNOWLEDGE_DIR, /app/knowledge); afterwards it is never overwritten: an
# image upgrade keeps the department's edits (README: "Knowledge on the data volume").
# The copy goes into a folder beside it, renamed into place once whole: a first start
# killed in the middle of the copy leaves no half a knowledge base, and the next start
# seeds it again.
set -e
SEED_KNOWLEDGE_DIR="${SEED_KNOWLEDGE_DIR:-/app/knowledge}"
if [ ! -e "$KNOWLEDGE_DIR" ]; then
  seeding="$KNOWLEDGE_DIR.seeding"
  rm -rf "$seeding"
  cp -R "$SEED_KNOWLEDGE_DIR" "$seeding"
  mv "$seeding" "$KNOWLEDGE_DIR"
  echo "seeded $KNOWLEDGE_DIR from the image's knowledge base"
fi
exec "$@"
