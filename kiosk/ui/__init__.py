"""The Qt Quick user interface: the only package that imports PySide6.

QML sees nothing but the view-models handed to it as required properties; everything that can
block (the ILS, devices) runs off the GUI thread and comes back by queued signals.
"""
