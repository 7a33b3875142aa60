// zlib for `salve build --compress`: Debian's zlib1g-dev (Foundation on Linux does not link it).
#include <zlib.h>
