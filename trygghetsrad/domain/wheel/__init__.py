"""The annual wheel as plain data and pure geometry: the model, dates, dial, labels, primitives, the scene."""
