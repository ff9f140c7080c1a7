#include <zlib.h>

// deflateInit2 and inflateInit2 are macros, which Swift cannot call: these wrappers select the gzip format
// (window bits 15 + 16), so that the streams are what gzip(1) writes and zcat reads.
static inline int lingyan_deflate_init_gzip(z_streamp stream, int level) {
    return deflateInit2(stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
}

static inline int lingyan_inflate_init_gzip(z_streamp stream) {
    return inflateInit2(stream, 15 + 16);
}
