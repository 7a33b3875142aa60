#!/bin/sh
# Upload site/ to a server or a bucket, sending only the files that changed. Pick one line and set its names.
# Salve leaves unchanged files untouched in site/, and rsync --checksum compares contents, so a rebuild sends
# only what changed; --delete removes pages that are gone (published-urls.txt keeps that on purpose).
set -eu

# A server over SSH (the nginx recipe serves /srv/www/health/):
rsync -rlz --checksum --delete --exclude .salve-output site/ deploy@example.org:/srv/www/health/

# An S3 bucket (aws s3 sync uploads files whose size or time differs):
# aws s3 sync site/ s3://example-bucket/health/ --delete --exclude .salve-output
