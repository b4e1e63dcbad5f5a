// The compiler's cache prefetch hint, which Swift does not expose.
static inline void prefetch_for_read(const void *address) { __builtin_prefetch(address, 0, 3); }
