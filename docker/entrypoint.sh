#!/bin/sh
# The knowledge base lives on the data volume (KNOWLEDGE_DIR=/data/knowledge), where
# the knowledge console writes it. On the first start it is seeded from the image's
# copy (/app/knowledge); afterwards it is never overwritten: an image upgrade keeps
# the department's edits (README: "Knowledge on the data volume").
set -e
if [ ! -e "$KNOWLEDGE_DIR" ]; then
  cp -R /app/knowledge "$KNOWLEDGE_DIR"
  echo "seeded $KNOWLEDGE_DIR from the image's knowledge base"
fi
exec "$@"
