"""Training and evaluation of akhbar's extraction models (dependency group and member apart
from the runtime services: the services read the files this produces, never this code)."""
