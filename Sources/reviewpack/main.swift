print("reviewpack")
