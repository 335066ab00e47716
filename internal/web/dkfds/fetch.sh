#!/bin/sh
# Re-fetches Det Fælles Designsystem (npm package dkfds) at the pinned
# version from the npm registry, checks the tarball against the recorded
# sha512 integrity, and copies what Kanal's pages use into dist/.
# Run from anywhere: sh internal/web/dkfds/fetch.sh
set -eu
VERSION=11.2.0
INTEGRITY='sha512-JuVf8NjEOeF+TKIhEFXa3BfZvk1ulQM8+XN+6QhgDo6kiwwvupyBY34YU4FglBeyFWHbE5mYDmnrcYTWOSKkEA=='
FACES='Regular Italic Medium MediumItalic SemiBold SemiBoldItalic Bold BoldItalic'

here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
npm pack --silent "dkfds@$VERSION" >/dev/null
got="sha512-$(openssl dgst -sha512 -binary "dkfds-$VERSION.tgz" | base64 -w0)"
if [ "$got" != "$INTEGRITY" ]; then
	echo "dkfds-$VERSION.tgz: integrity $got, want $INTEGRITY" >&2
	exit 1
fi
tar xzf "dkfds-$VERSION.tgz"
src=package/dist
dst="$here/dist"
rm -rf "$dst"
mkdir -p "$dst/css" "$dst/fonts/IBMPlexSans/complete/woff" "$dst/fonts/IBMPlexSans/complete/woff2" "$dst/img"
cp "$src/css/dkfds.min.css" "$dst/css/"
for face in $FACES; do
	cp "$src/fonts/IBMPlexSans/complete/woff/IBMPlexSans-$face.woff" "$dst/fonts/IBMPlexSans/complete/woff/"
	cp "$src/fonts/IBMPlexSans/complete/woff2/IBMPlexSans-$face.woff2" "$dst/fonts/IBMPlexSans/complete/woff2/"
done
cp -r "$src/img/svg-icons" "$dst/img/"
cp "$src/img/logo-placeholder.png" "$src/img/logo-header-placeholder.png" "$dst/img/"
cp package/LICENSE.md "$here/LICENSE.md"
cp "$src/fonts/IBMPlexSans/complete/woff2/license.txt" "$here/LICENSE-IBMPlexSans-OFL.txt"
echo "dkfds $VERSION copied to $dst"
