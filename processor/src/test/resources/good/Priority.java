package golden;

public enum Priority {
  LOW,
  NORMAL,
  HIGH
}
