print("mnist-bench")
