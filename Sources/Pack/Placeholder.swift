// Pack
