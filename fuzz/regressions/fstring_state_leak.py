if x:
    pass
y = f"
