#!/usr/bin/env python3
"""Writes the `PackageResources` enum that SwiftPM's `embedInCode` makes for `configs/`, so the
fuzz build (plain swiftc, see build.sh) compiles the library exactly as SwiftPM does.
Usage: embed_configs.py CONFIGS_DIR > PackageResources.swift"""
import os
import re
import sys

root = sys.argv[1]
print("struct PackageResources {")
for folder, _, names in sorted(os.walk(root)):
    for name in sorted(names):
        data = open(os.path.join(folder, name), "rb").read()
        ident = re.sub(r"[^A-Za-z0-9_]", "_", name)
        print(f"static let {ident}: [UInt8] = [{','.join(map(str, data))}]")
print("}")
