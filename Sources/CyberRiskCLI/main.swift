import CyberRisk; print(SpectralRadius.of(DependencyMatrix(count: 2, values: [0, 0.5, 0.5, 0]))!)
